package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Routes come from the configured folder on disk: an edited route file takes effect without recompiling. */
class RouteFilesOnDiskTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void editingARouteFileWhileRunningChangesWhereRecordsGo() throws Exception {
        Path routes = dir.resolve("my-routes");
        Files.createDirectories(routes);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        Path transformRoute = routes.resolve("transform.camel.yaml");
        Files.writeString(transformRoute, HandoffProbe.routeYaml().replace("handoffProbe", "firstProbe"));
        AppConfig config = AppConfig.load(Path.of("."), Map.of(), new Properties()).with(Map.of(
                "app.routes-dir", routes.toString(),
                "app.data-dir", dir.resolve("data").toString(),
                "camel.management.port", "0",
                "sqs.wait-time-s", "1",
                "camel.main.routes-reload-enabled", "true"));
        HandoffProbe first = new HandoffProbe();
        HandoffProbe second = new HandoffProbe();
        try (ServiceRuntime runtime = ServiceRuntime.create(config, CLOCK)) {
            runtime.bind("firstProbe", first);
            runtime.bind("secondProbe", second);
            runtime.start();
            try (SqsClient sqs = runtime.local().sqs().client("eu-central-1")) {
                String url = sqs.getQueueUrl(b -> b.queueName(config.get("sqs.queue-name"))).queueUrl();
                String one = "staging/dataflow_europages_20220501_01_1.parquet";
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(event(one)));
                await().atMost(Duration.ofSeconds(20)).until(() -> first.count(one) == 1);

                Files.writeString(transformRoute, HandoffProbe.routeYaml().replace("handoffProbe", "secondProbe"));

                // the reload is asynchronous: keep sending new files until one reaches the edited route
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    String key = "staging/dataflow_europages_20220501_02_" + System.nanoTime() % 100000 + ".parquet";
                    sqs.sendMessage(b -> b.queueUrl(url).messageBody(event(key)));
                    return !second.keys().isEmpty();
                });
            }
        }
        assertThat(first.keys()).contains("staging/dataflow_europages_20220501_01_1.parquet");
        assertThat(second.keys()).isNotEmpty().allMatch(k -> k.startsWith("staging/dataflow_europages_20220501_02_"));
    }

    private static String event(String key) {
        return S3EventWriter.notification(new S3ObjectRecord("ObjectCreated:Put", "ep-analytics", key, 1, "e", "s"),
                Instant.EPOCH);
    }
}
