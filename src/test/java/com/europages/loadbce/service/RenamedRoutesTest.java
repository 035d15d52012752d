package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;

/**
 * Java depends on no name typed in the routes: with the intake route renamed in a copy of routes/, a failed message
 * is still backed off; a route naming a counter that Java does not know refuses to start, naming it.
 */
class RenamedRoutesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The project's route files, copied with one text replaced. */
    Path routesWith(String file, String text, String replacement) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                String yaml = Files.readString(f);
                if (f.getFileName().toString().equals(file)) {
                    assertThat(yaml).contains(text);
                    yaml = yaml.replace(text, replacement);
                }
                Files.writeString(copy.resolve(f.getFileName()), yaml);
            }
        }
        return copy;
    }

    @Test
    void aFailedMessageOfARenamedIntakeRouteIsStillBackedOff() throws Exception {
        Path routes = routesWith("intake.camel.yaml", "id: intake", "id: sqs-intake");
        var config = EmbeddedServicesFixture.projectConfig(dir.resolve("data"), Map.of("app.routes-dir",
                routes.toString(), "sqs.visibility-timeout-s", "1", "sqs.retry-backoff-max-s", "60",
                "local.sqs.max-receive-count", "10", "aws.api-call-timeout-s", "3", "aws.api-call-attempt-timeout-s", "2"));
        List<Integer> delays = new CopyOnWriteArrayList<>();
        try (ServiceRuntime runtime = ServiceRuntime.create(config, CLOCK)) {
            String queue = runtime.config().get("sqs.queue-name");
            // every download fails transiently; the backoff's SQS calls are recorded
            runtime.bind("s3Client", failingDownloads(AwsClients.s3(runtime.config())));
            runtime.bind("redeliveryBackoff", new RedeliveryBackoff(recording(AwsClients.sqs(runtime.config()), delays),
                    queue, 1, 60));
            runtime.start();
            assertThat(runtime.camelContext().getRoute("sqs-intake")).isNotNull();
            assertThat(runtime.camelContext().getRoute("intake")).isNull();

            try (SqsClient sqs = AwsClients.sqs(runtime.config())) {
                String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(S3EventWriter.notification(new S3ObjectRecord(
                        "ObjectCreated:Put", runtime.config().get("intake.bucket"),
                        "staging/dataflow_europages_20220501_13_2.parquet", 10, "e", "s"), Instant.EPOCH)));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> delays.size() >= 2);
            // hidden for visibility x 2^(receives-1), by the receive count SQS reports: 1 s, then longer
            assertThat(delays.get(0)).isEqualTo(1);
            assertThat(delays.get(1)).isIn(2, 4, 8);
            assertThat(new PipelineMetrics(runtime.meters()).count(PipelineMetrics.MESSAGES_FAILED))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRouteCountingUnderANameJavaDoesNotKnowDoesNotStart() throws Exception {
        Path routes = routesWith("load.camel.yaml", "{{metric.files-loaded}}", "{{metric.files-loadded}}");
        var config = EmbeddedServicesFixture.projectConfig(dir.resolve("data"), Map.of("app.routes-dir",
                routes.toString()));
        try (ServiceRuntime runtime = ServiceRuntime.create(config, CLOCK)) {
            assertThatThrownBy(runtime::start).hasStackTraceContaining("metric.files-loadded");
        }
    }

    /** The S3 client, whose getObject fails as an unreachable S3 would. */
    static S3Client failingDownloads(S3Client real) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getObject")) {
                        throw SdkClientException.create("S3 unreachable (injected)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The SQS client, recording the visibility of every changeMessageVisibility call. */
    static SqsClient recording(SqsClient real, List<Integer> delays) {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("changeMessageVisibility")) {
                        ChangeMessageVisibilityRequest request = request(args[0]);
                        delays.add(request.visibilityTimeout());
                        return real.changeMessageVisibility(request);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    static ChangeMessageVisibilityRequest request(Object arg) {
        if (arg instanceof ChangeMessageVisibilityRequest r) {
            return r;
        }
        ChangeMessageVisibilityRequest.Builder b = ChangeMessageVisibilityRequest.builder();
        ((Consumer<ChangeMessageVisibilityRequest.Builder>) arg).accept(b);
        return b.build();
    }
}
