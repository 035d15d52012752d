package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.TestFiles;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The intake against a real ElasticMQ with input queue, error queue, DLQ and redrive policy: what is deleted, what
 * goes to the error queue, what is redelivered and finally dead-lettered. The transform route is replaced by a probe.
 */
class IntakeOnElasticMqTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);
    static final int MAX_RECEIVES = 3;

    @TempDir
    static Path dir;
    static ServiceRuntime runtime;
    static SqsClient sqs;
    static HandoffProbe probe = new HandoffProbe();
    static String inputUrl;
    static String errorUrl;
    static String dlqUrl;

    @BeforeAll
    static void start() throws Exception {
        Path routes = dir.resolve("routes");
        Files.createDirectories(routes);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        Files.writeString(routes.resolve("transform.camel.yaml"), HandoffProbe.routeYaml());
        AppConfig config = AppConfig.load(Path.of("."), Map.of(), new Properties()).with(Map.of(
                "app.routes-dir", routes.toString(),
                "app.data-dir", dir.resolve("data").toString(),
                "camel.management.port", "0",
                "sqs.visibility-timeout-s", "2",
                "sqs.wait-time-s", "1",
                "local.sqs.max-receive-count", Integer.toString(MAX_RECEIVES)));
        runtime = ServiceRuntime.create(config, CLOCK);
        runtime.bind("handoffProbe", probe);
        runtime.start();
        sqs = runtime.local().sqs().client("eu-central-1");
        inputUrl = url(config.get("sqs.queue-name"));
        errorUrl = url(config.get("sqs.error-queue-name"));
        dlqUrl = url(config.get("sqs.queue-name") + "-dlq");
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    static String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    static void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(inputUrl).messageBody(body));
    }

    static String event(String key) {
        return S3EventWriter.notification(new S3ObjectRecord("ObjectCreated:Put", "ep-analytics", key, 1, "e", "s"),
                Instant.EPOCH);
    }

    static int messagesIn(String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives and deletes what is in the queue, so each test sees only its own messages. */
    static List<Message> drain(String url) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return messages;
    }

    @Test
    void acceptedRecordIsHandedOffOnceAndDeleted() {
        String key = "staging/dataflow_europages_20220501_01_1.parquet";
        send(event(key));
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.count(key) == 1 && messagesIn(inputUrl) == 0);
        // past a visibility timeout nothing comes back: the message was deleted, not just hidden
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(probe.count(key)).isEqualTo(1);
        assertThat(messagesIn(inputUrl)).isZero();
    }

    @Test
    void everySampleFormatIsHandedOffThroughTheRealQueue() {
        for (String sample : List.of("direct-put.json", "direct-put.base64.txt", "sns-envelope.json", "eventbridge.json",
                "test-event.json")) {
            send(TestFiles.sample(sample));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                probe.keys().containsAll(List.of("staging/dataflow_europages_20220501_13_2.parquet",
                        "staging/dataflow_europages_20220501_14_1.parquet",
                        "staging/dataflow_europages_20220501_15_3.parquet")));
        assertThat(probe.count("staging/dataflow_europages_20220501_13_2.parquet")).as("plain and Base64").isEqualTo(2);
    }

    @Test
    void skippedRecordIsDeletedWithoutHandOff() {
        String key = "staging/dataflow_europages_20220101_01_1.parquet";
        send(event(key));
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.meters().find("loadbce.records.skipped")
                .tag("reason", "outside-window").counter() != null && messagesIn(inputUrl) == 0);
        assertThat(probe.count(key)).isZero();
    }

    @Test
    void undecodableMessageLandsInTheErrorQueueWithItsReasonAndIsDeleted() {
        send("definitely not an S3 event");
        List<Message> errors = await().atMost(Duration.ofSeconds(20)).until(() -> drain(errorUrl), m -> !m.isEmpty());
        assertThat(errors).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("definitely not an S3 event");
            assertThat(m.messageAttributes().get("ErrorReason").stringValue()).contains("neither JSON nor Base64");
            assertThat(m.messageAttributes().get("ErrorSourceQueue").stringValue()).isEqualTo("ep-analytics-dataflow");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(inputUrl) == 0);
    }

    @Test
    void downstreamFailureIsRedeliveredThenDeadLettered() {
        String key = "staging/dataflow_europages_20220501_02_1.parquet";
        probe.failFor(key);
        send(event(key));
        // received maxReceiveCount times (each after the visibility timeout), then moved to the DLQ by the redrive policy
        List<Message> dead = await().atMost(Duration.ofSeconds(40)).until(() -> drain(dlqUrl), m -> !m.isEmpty());
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).contains("20220501_02_1"));
        assertThat(probe.count(key)).isEqualTo(MAX_RECEIVES);
        // what the redelivery backoff and the oldest-message gauge read: both attributes asked for by the intake
        assertThat(probe.sqsAttributes(key)).extracting(a -> String.valueOf(a.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                .containsExactly("1", "2", "3");
        assertThat(probe.sqsAttributes(key)).allSatisfy(a ->
                assertThat(a.get(MessageSystemAttributeName.SENT_TIMESTAMP)).isNotNull());
        assertThat(drain(errorUrl)).as("a transient failure is not a permanent error").isEmpty();
    }
}
