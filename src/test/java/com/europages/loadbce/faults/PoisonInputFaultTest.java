package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Bad messages, bad objects and hostile keys mixed into a day: each ends where docs/operations.md says (error queue once
 * with reason, key and eTag; or skipped), the service keeps running and the good files load exactly.
 */
class PoisonInputFaultTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DAY = "20220501";
    static final long MAX_ROWS = 5_000;

    static InProcessService service;
    static Path work;

    /** Raw bodies that cannot be decoded: each must reach the error queue once with its body. */
    final Map<String, String> badMessages = new LinkedHashMap<>();
    /** Objects that can never load, by key: each must reach the error queue once with key and eTag. */
    final Map<String, String> badFiles = new LinkedHashMap<>();
    /** Records that are not ours: acknowledged and skipped, never in the error queue nor the table. */
    final List<String> skippedKeys = new ArrayList<>();
    final List<Path> goodFiles = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        service = InProcessService.start(Map.of("sqs.concurrent-consumers", "2", "sqs.visibility-timeout-s", "5",
                "sqs.max-body-bytes", "8192", "transform.max-rows", Long.toString(MAX_ROWS)), r -> {
        });
        work = service.dataDir.resolve("poison");
        Files.createDirectories(work);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyBadInputEndsWhereTheReadmeSaysAndTheGoodFilesLoadExactly() throws Exception {
        long started = System.nanoTime();
        List<Path> day = service.generateDay(1, 12_000);
        Path sample = day.get(0);

        sendBadMessages();
        uploadBadFiles(sample);
        sendHostileRecords();
        Path empty = work.resolve(DataFlowGenerator.fileName(InProcessService.DAY, 1, 20));
        new DataFlowGenerator(GeneratorOptions.defaults(3)).writeFile(empty, InProcessService.DAY, 1, 20, 0);
        Path huge = duckCopy(sample, DataFlowGenerator.fileName(InProcessService.DAY, 2, 21),
                // new event ids: the copy must not share events with its source file
                "SELECT * REPLACE (md5(event_id) AS event_id, repeat('x', 200000) AS page_url, repeat('y', 70000) AS page) "
                        + "FROM read_parquet(%s)");
        goodFiles.add(empty);
        goodFiles.add(huge);
        goodFiles.addAll(day);
        // the good files come after the poison: the service must still be running to load them
        goodFiles.forEach(service::upload);

        int expectedErrors = badMessages.size() + badFiles.size();
        // stated as text so a timeout says which part is missing
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat("audit=" + service.auditRows() + " errors=" + errorQueueSize() + " idle=" + service.inputQueueIdle())
                        .isEqualTo("audit=" + goodFiles.size() + " errors=" + expectedErrors + " idle=true"));

        FaultFigure figure = service.truth().compare("poison", goodFiles, (System.nanoTime() - started) / 1e9).print();
        System.out.printf("FAULT poison inputs: %d bad messages, %d bad files, %d skipped records%n",
                badMessages.size(), badFiles.size(), skippedKeys.size());
        assertThat(badMessages.size() + badFiles.size() + skippedKeys.size() + 2).isGreaterThanOrEqualTo(20);
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        assertErrorQueueHoldsEachBadInputOnce();
        double skipped = service.runtime.meters().find("loadbce.records.skipped").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(skipped).isEqualTo(skippedKeys.size());
    }

    void sendBadMessages() {
        badMessages.put("truncated JSON", "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":");
        badMessages.put("neither JSON nor Base64", "not json, not base64 either!");
        badMessages.put("Base64 garbage", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xde, 0x01, (byte) 0xff,
                0x7f, 0x00, 0x13, (byte) 0x80, 0x55, 0x66}));
        badMessages.put("unknown shape", "{\"hello\":\"world\"}");
        badMessages.put("JSON array", "[1,2,3]");
        badMessages.put("Records not an array", "{\"Records\":\"nope\"}");
        badMessages.put("record without s3", "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}");
        badMessages.put("oversized body", "{\"Records\":[],\"pad\":\"" + "z".repeat(9000) + "\"}");
        String url = service.queueUrl("sqs.queue-name");
        badMessages.values().forEach(body -> service.sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)));
    }

    void uploadBadFiles(Path sample) throws Exception {
        byte[] good = Files.readAllBytes(sample);
        int part = 11;
        Map<String, Path> objects = new LinkedHashMap<>();
        objects.put("zero bytes", write(part++, new byte[0]));
        objects.put("not Parquet", write(part++, "company_id,name\n1,ACME\n".getBytes()));
        objects.put("truncated Parquet", write(part++, java.util.Arrays.copyOf(good, good.length / 2)));
        objects.put("missing contract column", duckCopy(sample, name(part++), "SELECT * EXCLUDE (event_id) FROM read_parquet(%s)"));
        objects.put("wrong types", duckCopy(sample, name(part++),
                "SELECT * REPLACE ('n/a' AS site_id, 'n/a' AS visit_id) FROM read_parquet(%s)"));
        Path big = work.resolve(name(part++));
        new DataFlowGenerator(GeneratorOptions.defaults(5)).writeFile(big, InProcessService.DAY, 3, 16, MAX_ROWS + 1);
        objects.put("more rows than transform.max-rows", big);
        for (Path p : objects.values()) {
            service.upload(p);
            String key = service.stagingKey(p);
            badFiles.put(key, service.s3.headObject(b -> b.bucket(service.bucket()).key(key)).eTag().replace("\"", ""));
        }
        String missing = service.runtime.config().get("intake.staging-prefix") + name(part);
        badFiles.put(missing, "0123456789abcdef0123456789abcdef");
        sendRecord("ObjectCreated:Put", service.bucket(), missing, badFiles.get(missing));
    }

    void sendHostileRecords() {
        String prefix = service.runtime.config().get("intake.staging-prefix");
        String valid = DataFlowGenerator.fileName(InProcessService.DAY, 4, 1);
        List<String> keys = List.of(
                prefix + "dataflow_europages_" + DAY + "_03_'1.parquet",
                prefix + "dataflow_europages_" + DAY + "_03_1.parquet\";DROP TABLE analytics.dataflow_events_bce;--",
                prefix + "../" + valid,
                prefix + "dataflow europages " + DAY + " 05 1.parquet",
                prefix + "dataflow_europages_" + DAY + "_\u0660\u0665_1.parquet",
                prefix + "sub/" + valid,
                prefix + "dataflow_europages_20220401_05_1.parquet");
        for (String key : keys) {
            sendRecord("ObjectCreated:Put", service.bucket(), key, "d41d8cd98f00b204e9800998ecf8427e");
            skippedKeys.add(key);
        }
        sendRecord("ObjectCreated:Put", "someone-elses-bucket", prefix + valid, "d41d8cd98f00b204e9800998ecf8427e");
        skippedKeys.add("foreign bucket");
        sendRecord("ObjectRemoved:Delete", service.bucket(), prefix + valid, "d41d8cd98f00b204e9800998ecf8427e");
        skippedKeys.add("removed");
    }

    void sendRecord(String eventName, String bucket, String key, String eTag) {
        String body = S3EventWriter.notification(new S3ObjectRecord(eventName, bucket, key, 1L, eTag, "0"), Instant.now());
        service.sqs.sendMessage(b -> b.queueUrl(service.queueUrl("sqs.queue-name")).messageBody(body));
    }

    void assertErrorQueueHoldsEachBadInputOnce() throws Exception {
        String url = service.queueUrl("sqs.error-queue-name");
        Map<String, Integer> bodies = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        while (true) {
            List<Message> batch = service.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(60).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                Map<String, MessageAttributeValue> a = m.messageAttributes();
                assertThat(a.get("ErrorReason").stringValue()).as("reason of " + m.body()).isNotBlank();
                if (a.containsKey("ErrorKey")) {
                    String key = a.get("ErrorKey").stringValue();
                    keys.merge(key, 1, Integer::sum);
                    assertThat(a.get("ErrorETag").stringValue()).isEqualTo(badFiles.get(key));
                    JsonNode body = JSON.readTree(m.body());
                    assertThat(body.path("key").asText()).isEqualTo(key);
                    assertThat(body.path("eTag").asText()).isEqualTo(badFiles.get(key));
                    assertThat(body.path("reason").asText()).isNotBlank();
                } else {
                    bodies.merge(m.body(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> once = new HashMap<>();
        badFiles.keySet().forEach(k -> once.put(k, 1));
        assertThat(keys).as("each bad file once").isEqualTo(once);
        Map<String, Integer> onceBodies = new HashMap<>();
        badMessages.values().forEach(b -> onceBodies.put(b, 1));
        assertThat(bodies).as("each bad message once").isEqualTo(onceBodies);
    }

    int errorQueueSize() {
        var a = service.sqs.getQueueAttributes(b -> b.queueUrl(service.queueUrl("sqs.error-queue-name"))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings();
        return Integer.parseInt(a.get("ApproximateNumberOfMessages"));
    }

    static String name(int part) {
        return DataFlowGenerator.fileName(InProcessService.DAY, 6, part);
    }

    static Path write(int part, byte[] bytes) throws Exception {
        return Files.write(work.resolve(name(part)), bytes);
    }

    /** A variant of a generated file written by DuckDB: {@code select} has one %s for the source. */
    static Path duckCopy(Path source, String fileName, String select) throws Exception {
        Path out = work.resolve(fileName);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + String.format(select, "'" + source + "'") + ") TO '" + out + "' (FORMAT parquet)");
        }
        return out;
    }
}
