package com.europages.loadbce.service;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Processes until the input queue has stayed empty for a while, then says how it went: for scheduled runs. */
public final class DrainRun {

    /**
     * Counts of this run; {@link #ok()} when nothing failed or was rejected, also when a signal stopped it early
     * (what is left stays in the queue for the next run).
     */
    public record Report(long filesLoaded, long recordsSkipped, long rejected, long failedMessages, double seconds,
            boolean stoppedBySignal) {
        public boolean ok() {
            return rejected == 0 && failedMessages == 0;
        }

        public void print(PrintStream out) {
            out.printf("drain: %d files loaded, %d records skipped, %d rejected to the error queue, %d messages failed "
                    + "(left for redelivery), %.1f s%s: %s%n", filesLoaded, recordsSkipped, rejected, failedMessages,
                    seconds, stoppedBySignal ? ", stopped by a signal before the queue was empty" : "",
                    ok() ? "OK" : "FAILED");
        }
    }

    private DrainRun() {
    }

    /**
     * @param runtime a started service
     * @param stopRequested true once the run should end before the queue is empty (SIGTERM)
     */
    public static Report run(ServiceRuntime runtime, Duration idle, Duration poll,
            BooleanSupplier stopRequested) throws Exception {
        long started = System.nanoTime();
        try (SqsClient sqs = AwsClients.sqs(runtime.config())) {
            String url = sqs.getQueueUrl(b -> b.queueName(runtime.config().get("sqs.queue-name"))).queueUrl();
            long emptySince = System.nanoTime();
            while (System.nanoTime() - emptySince < idle.toNanos() && !stopRequested.getAsBoolean()) {
                if (!isEmpty(sqs, url)) {
                    emptySince = System.nanoTime();
                }
                Thread.sleep(poll.toMillis());
            }
        }
        if (stopRequested.getAsBoolean()) {
            runtime.stopRoutes(); // the report counts the files that were in flight
        }
        PipelineMetrics m = new PipelineMetrics(runtime.meters());
        return new Report(m.count(PipelineMetrics.FILES_LOADED), m.skipped(), m.rejected(),
                m.count(PipelineMetrics.MESSAGES_FAILED), (System.nanoTime() - started) / 1e9,
                stopRequested.getAsBoolean());
    }

    /** Nothing waiting and nothing in flight (a message in flight may still fail and come back). */
    static boolean isEmpty(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
