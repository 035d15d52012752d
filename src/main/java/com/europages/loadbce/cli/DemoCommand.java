package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import com.europages.loadbce.service.ServiceRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Runs the service on the embedded default and feeds it a set of example S3 events, then prints what happened. */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "[--timeout-s N]";
    }

    @Override
    public String summary() {
        return "Start the embedded SQS, send example S3 events of yesterday in every format, print the outcome";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("timeout-s"), Set.of()).expectPositional(0, 0);
        AppConfig config = context.config().with(Map.of("app.profile", "local"));
        if (!config.isLocal()) {
            throw new UsageException("demo runs on the local profile only");
        }
        Duration timeout = Duration.ofSeconds(options.getInt("timeout-s", 60));
        long started = System.nanoTime();
        try (ServiceRuntime runtime = ServiceRuntime.create(config, Clock.systemUTC())) {
            runtime.start();
            List<String> bodies = exampleBodies(runtime.config());
            try (SqsClient sqs = runtime.local().sqs().client(config.get("aws.region"))) {
                String url = sqs.getQueueUrl(b -> b.queueName(config.get("sqs.queue-name"))).queueUrl();
                for (String body : bodies) {
                    sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                }
                context.out().printf("Sent %d example messages to %s%n", bodies.size(), url);
                boolean drained = waitUntilEmpty(sqs, url, timeout);
                printReport(context, runtime.meters(), bodies.size(), drained, started);
                return drained ? 0 : 1;
            }
        }
    }

    /** Yesterday's files in each accepted format, plus a test event, an old file, a foreign bucket and garbage. */
    static List<String> exampleBodies(AppConfig config) {
        LocalDate yesterday = LocalDate.now(ZoneId.of(config.get("app.time-zone"))).minusDays(1);
        String day = yesterday.format(DateTimeFormatter.BASIC_ISO_DATE);
        String bucket = config.get("intake.bucket");
        String prefix = config.get("intake.staging-prefix");
        Instant now = Instant.now();
        List<String> out = new ArrayList<>();
        out.add(S3EventWriter.notification(record(bucket, prefix + "dataflow_europages_" + day + "_00_1.parquet"), now));
        out.add(S3EventWriter.base64(S3EventWriter.notification(
                record(bucket, prefix + "dataflow_europages_" + day + "_01_1.parquet"), now)));
        String inner = S3EventWriter.notification(record(bucket, prefix + "dataflow_europages_" + day + "_02_1.parquet"), now);
        out.add("{\"Type\":\"Notification\",\"Message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(inner) + "}");
        out.add("{\"detail-type\":\"Object Created\",\"source\":\"aws.s3\",\"detail\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + prefix + "dataflow_europages_" + day + "_03_1.parquet\",\"size\":1,"
                + "\"etag\":\"e\"},\"reason\":\"PutObject\"}}");
        out.add("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"" + bucket + "\"}");
        out.add(S3EventWriter.notification(record(bucket, prefix + "dataflow_europages_20200101_00_1.parquet"), now));
        out.add(S3EventWriter.notification(record("another-bucket", prefix + "dataflow_europages_" + day + "_00_1.parquet"), now));
        out.add("this is not an S3 event");
        return out;
    }

    private static S3ObjectRecord record(String bucket, String key) {
        return new S3ObjectRecord("ObjectCreated:Put", bucket, key, 1, "etag", "0");
    }

    private static boolean waitUntilEmpty(SqsClient sqs, String url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            if ("0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static void printReport(CommandContext context, MeterRegistry meters, int sent, boolean drained, long started) {
        var out = context.out();
        out.println();
        out.println("=== load-bce-to-s3 demo report ===");
        out.printf("messages sent        %d%n", sent);
        out.printf("records accepted     %.0f%n", count(meters, "loadbce.records.accepted"));
        meters.find("loadbce.records.skipped").counters().forEach(c ->
                out.printf("records skipped      %.0f (%s)%n", c.count(), c.getId().getTag("reason")));
        out.printf("messages rejected    %.0f (to the error queue)%n", count(meters, "loadbce.messages.rejected"));
        out.printf("queue drained        %s%n", drained ? "yes" : "NO (timed out)");
        out.printf("elapsed              %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static double count(MeterRegistry meters, String name) {
        Counter c = meters.find(name).counter();
        return c == null ? 0 : c.count();
    }
}
