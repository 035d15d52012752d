package com.europages.loadbce.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.faults.ChildServiceProcess;
import com.europages.loadbce.faults.FaultFigure;
import com.europages.loadbce.faults.WarehouseTruth;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production profile rehearsed against a foreign AWS emulator: moto_server holds the CloudFormation stack of
 * deploy/, the AWS CLI uploads a day, and moto itself writes the S3 notifications (its own test event, its own key
 * encoding). The service runs as `serve` in its own JVM with only endpoint and warehouse overrides (plus short
 * timings), the warehouse a DuckDB file that reads the service's own copies of the transformed files.
 */
class ProductionProfileOnMotoTest {

    private static final String REGION = "eu-central-1";
    private static final int MAX_RECEIVE_COUNT = 3;
    /** The service's one line per file and attempt (logger com.europages.loadbce.files). */
    private static final Pattern FILE_OUTCOME = Pattern.compile(" - File (\\S+) (loaded|failed|rejected):");

    @TempDir
    static Path dir;

    static MotoServer moto;
    static AwsCli aws;
    static RehearsalStack stack;
    static ChildServiceProcess service;
    static ChildServiceProcess.Run run;
    static AppConfig config;
    static List<Path> day;
    static Path archived;
    static Path warehouseFile;
    static double loadSeconds;

    @BeforeAll
    static void rehearse() throws Exception {
        moto = MotoServer.start(dir);
        aws = new AwsCli(moto.endpoint().toString(), REGION, dir, "8MB");
        stack = RehearsalStack.create(aws, "load-bce-to-s3", Map.of("RedshiftClusterIdentifier", "rehearsal",
                "MaxReceiveCount", Integer.toString(MAX_RECEIVE_COUNT)));
        stack.applyBucketNotification(aws);
        config = AppConfig.load(Path.of("").toAbsolutePath(), Map.of("APP_PROFILE", "production"), new Properties());

        // the real yesterday: the service's clock is the system's (the window allows one more day, for midnight)
        LocalDate yesterday = LocalDate.now(ZoneId.of(config.get("app.time-zone"))).minusDays(1);
        Path generated = dir.resolve("generated");
        day = new DataFlowGenerator(GeneratorOptions.defaults(11)).generateDay(yesterday, generated, 1, 24_000);
        String staging = "s3://" + stack.parameter("BucketName") + "/" + stack.parameter("StagingPrefix");
        Path multipart = day.get(day.size() - 1);
        aws.run("s3", "cp", generated.toString(), staging, "--recursive", "--exclude", multipart.getFileName().toString());
        // one file in parts, as large exports arrive: CompleteMultipartUpload is an ObjectCreated event too
        new AwsCli(moto.endpoint().toString(), REGION, Files.createDirectories(dir.resolve("multipart")), "64KB")
                .run("s3", "cp", multipart.toString(), staging);
        // an object archived to Glacier: every GetObject fails (InvalidObjectState) until someone restores it
        archived = generated.resolveSibling(DataFlowGenerator.fileName(yesterday, 23, 9));
        Files.copy(day.get(0), archived);
        aws.run("s3", "cp", archived.toString(), staging, "--storage-class", "GLACIER");
        aws.run("sqs", "send-message", "--queue-url", queueUrl(stack.parameter("QueueName")),
                "--message-body", "this is not an S3 event");

        warehouseFile = dir.resolve("warehouse.duckdb");
        service = ChildServiceProcess.production(dir.resolve("service"), Map.ofEntries(
                Map.entry("AWS_ACCESS_KEY_ID", "rehearsal"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "rehearsal"),
                // endpoint overrides
                Map.entry("SQS_ENDPOINT", moto.endpoint().toString()),
                Map.entry("S3_ENDPOINT", moto.endpoint().toString()),
                Map.entry("S3_FORCE_PATH_STYLE", "true"),
                // warehouse overrides
                Map.entry("WAREHOUSE_DIALECT", "duckdb"),
                Map.entry("WAREHOUSE_URL", "jdbc:duckdb:" + warehouseFile),
                Map.entry("WAREHOUSE_EXTERNAL_LOCATION", dir.resolve("transformed").toString()),
                // timings short enough for a test: retries every few seconds instead of minutes
                Map.entry("SQS_VISIBILITY_TIMEOUT_S", "3"),
                Map.entry("SQS_RETRY_BACKOFF_MAX_S", "3"),
                Map.entry("SQS_WAIT_TIME_S", "1"),
                Map.entry("INTAKE_EXTRA_DAYS_BACK", "1")));
        long started = System.nanoTime();
        run = service.start("serve");
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !run.process().isAlive() || (run.count("Loaded s3://") >= day.size()
                            && messages(stack.parameter("QueueName") + "-dlq") == 1
                            && messages(stack.parameter("ErrorQueueName")) >= 1));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the day did not settle: " + run.count("Loaded s3://") + " of " + day.size()
                    + " files loaded; the service's last lines:\n" + tail(run.log(), 40), e);
        }
        loadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(run.process().isAlive()).as("service still running, log " + run.log()).isTrue();
        run.process().destroy();
        assertThat(run.awaitExit(60)).as("exit code after SIGTERM, log " + run.log()).isIn(0, 143);
    }

    @AfterAll
    static void stop() throws Exception {
        if (run != null && run.process().isAlive()) {
            run.process().destroyForcibly().waitFor();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void everyFileOfTheDayIsInTheWarehouseExactlyOnce() throws Exception {
        AppConfig c = config.with(Map.of("warehouse.dialect", "duckdb", "warehouse.url", "jdbc:duckdb:" + warehouseFile));
        FaultFigure figure;
        try (Warehouse w = Warehouse.open(c, TransformSettings.from(c).contract())) {
            figure = new WarehouseTruth(w.dataSource(), w.names().get("final_table"), w.names().get("audit_table"))
                    .compare("moto-rehearsal", day, loadSeconds).print();
        }
        assertThat(figure.files()).isEqualTo(day.size());
        assertThat(figure.rows()).isEqualTo(24_000);
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
    }

    @Test
    void everyFileLoadsAtItsFirstAttemptAndOnlyTheMultipartOneIsAnnouncedTwice() throws Exception {
        Map<String, Long> loads = new java.util.TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (String line : Files.readAllLines(run.log())) {
            Matcher m = FILE_OUTCOME.matcher(line);
            if (m.find()) {
                String file = m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
                if (m.group(2).equals("loaded")) {
                    loads.merge(file, 1L, Long::sum);
                } else {
                    failed.add(file);
                }
            }
        }
        List<String> names = day.stream().map(p -> p.getFileName().toString()).toList();

        assertThat(loads.keySet()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(failed).as("failed attempts").containsOnly(archived.getFileName().toString());
        // moto announces a multipart upload twice (ObjectCreated:Put, then CompleteMultipartUpload; AWS sends the
        // latter only): the second delivery replaces the file's rows, which the warehouse check above counts once
        assertThat(loads).allSatisfy((file, n) -> assertThat(n).as(file)
                .isEqualTo(file.equals(names.get(names.size() - 1)) ? 2L : 1L));
    }

    @Test
    void theUndecodableMessageIsInTheErrorQueueWithItsReason() throws Exception {
        JsonNode received = aws.json("sqs", "receive-message", "--queue-url", queueUrl(stack.parameter("ErrorQueueName")),
                "--max-number-of-messages", "10", "--message-attribute-names", "All");
        List<String> bodies = new ArrayList<>();
        received.path("Messages").forEach(m -> bodies.add(m.get("Body").asText()));

        assertThat(bodies).containsExactly("this is not an S3 event");
        assertThat(received.get("Messages").get(0).path("MessageAttributes").path("ErrorReason").path("StringValue")
                .asText()).isNotBlank();
    }

    @Test
    void theArchivedFileThatNeverLoadsEndsInTheDeadLetterQueueThroughTheStacksRedrivePolicy() throws Exception {
        JsonNode received = aws.json("sqs", "receive-message", "--queue-url",
                queueUrl(stack.parameter("QueueName") + "-dlq"), "--max-number-of-messages", "10");

        assertThat(received.path("Messages")).hasSize(1);
        assertThat(received.get("Messages").get(0).get("Body").asText()).contains(archived.getFileName().toString()
                .replace(".parquet", ""));
        assertThat(run.count("InvalidObjectState")).as("log " + run.log()).isGreaterThanOrEqualTo(MAX_RECEIVE_COUNT);
    }

    @Test
    void theInputQueueEndsEmpty() throws Exception {
        assertThat(messages(stack.parameter("QueueName"))).isZero();
    }

    private static String tail(Path log, int lines) throws java.io.IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Visible plus in-flight messages of the queue. */
    static long messages(String queue) throws Exception {
        JsonNode a = aws.json("sqs", "get-queue-attributes", "--queue-url", queueUrl(queue), "--attribute-names",
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible").get("Attributes");
        return a.get("ApproximateNumberOfMessages").asLong() + a.get("ApproximateNumberOfMessagesNotVisible").asLong();
    }

    static String queueUrl(String name) throws Exception {
        return aws.json("sqs", "get-queue-url", "--queue-name", name).get("QueueUrl").asText();
    }
}
