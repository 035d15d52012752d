package com.europages.loadbce.service;

import com.europages.loadbce.observe.LoadMetrics;
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
     * @param progress files loaded or rejected so far (the queue does not tell how many files are to come)
     * @param stopRequested true once the run should end before the queue is empty (SIGTERM)
     */
    public static Report run(ServiceRuntime runtime, Duration idle, Duration poll, ProgressBar progress,
            BooleanSupplier stopRequested) throws Exception {
        long started = System.nanoTime();
        PipelineMetrics m = new PipelineMetrics(runtime.meters());
        try (SqsClient sqs = AwsClients.sqs(runtime.config())) {
            String url = sqs.getQueueUrl(b -> b.queueName(runtime.config().get("sqs.queue-name"))).queueUrl();
            long emptySince = System.nanoTime();
            while (System.nanoTime() - emptySince < idle.toNanos() && !stopRequested.getAsBoolean()) {
                if (!isEmpty(sqs, url)) {
                    emptySince = System.nanoTime();
                }
                progress.advanceTo((int) (m.count(PipelineMetrics.FILES_LOADED) + m.count(PipelineMetrics.FILES_REJECTED)),
                        m.count(LoadMetrics.ROWS_LOADED));
                progress.tick();
                Thread.sleep(poll.toMillis());
            }
        }
        if (stopRequested.getAsBoolean()) {
            runtime.stopRoutes(); // the report counts the files that were in flight
        }
        progress.finish();
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
