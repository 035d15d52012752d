package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.TestFiles;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.OfflineSqsClient;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.Warehouse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;

/**
 * The application as Camel Main boots it (camel-test-main-junit5): the routes folder, the project's properties (local
 * profile), the service's beans and its DuckDB warehouse; the SQS consumer replaced by direct:sqs, the AWS and JDBC
 * endpoints mocked. One S3 notification goes through every route to the load's last statement.
 */
class ApplicationOnCamelMainTest extends CamelMainTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);
    static final Path DATA = temp();
    static final AppConfig CONFIG = Warehouse.withLocalFilesDir(EmbeddedServicesFixture.projectConfig(DATA, Map.of()));
    static Warehouse warehouse;

    /** As ServiceRuntime: camel-micrometer-prometheus then serves this registry instead of making its own. */
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    static Path temp() {
        try {
            return Files.createTempDirectory("load-bce-main-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void closeWarehouse() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        // as the service: the settings come from AppConfig only (the override properties below)
        return "false";
    }

    @Override
    protected void configure(MainConfigurationProperties main) {
        ServiceRuntime.configureRoutes(main, CONFIG.getPath("app.routes-dir"));
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        camel.withUseOverridePropertiesWithPropertiesComponent(PipelineMetrics.withRoutePlaceholders(CONFIG.asProperties()));
        camel.replaceRouteFromWith("intake", "direct:sqs");
        camel.withMockEndpointsAndSkip("(aws2-sqs|aws2-s3|jdbc|spring-jdbc):.*");
    }

    @Override
    protected void bindToRegistry(Registry registry) throws SQLException {
        if (warehouse == null) {
            warehouse = Warehouse.open(CONFIG, TransformSettings.from(CONFIG).contract());
        }
        // the service's beans; the AWS clients only answer the checks their endpoints make at start
        ServiceBeans.bind(CONFIG, CLOCK, meters, warehouse, (name, bean) -> registry.bind(name,
                switch (name) {
                    case "sqsClient" -> OfflineSqsClient.create();
                    case "s3Client" -> offlineS3();
                    default -> bean;
                }));
        registry.bind("failedMessageCounter", new FailedMessageCounter(meters, CONFIG.get("sqs.queue-name")));
    }

    @Test
    void anS3NotificationGoesThroughEveryRouteToTheLoadsLastStatement() throws Exception {
        Path file = DATA.resolve("source.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(5)).writeFile(file, LocalDate.of(2022, 5, 1), 13, 2, 50);
        MockEndpoint s3 = getMockEndpoint("mock:aws2-s3:ep-analytics");
        s3.whenExchangeReceived(1, e -> e.getMessage().setBody(Files.newInputStream(file)));
        MockEndpoint transactional = getMockEndpoint("mock:spring-jdbc:warehouse");
        transactional.whenAnyExchangeReceived(e -> {
            String sql = e.getMessage().getBody(String.class);
            if (sql.startsWith("INSERT INTO analytics.dataflow_events_bce")) {
                e.getMessage().setHeader("CamelJdbcUpdateCount", 50);
            } else if (sql.startsWith("SELECT")) {
                e.getMessage().setBody(Map.of("rows_loaded", 50L, "rows_matched", 45L));
            }
        });
        transactional.expectedMessageCount(5);
        getMockEndpoint("mock:aws2-sqs:ep-analytics-dataflow-errors").expectedMessageCount(0);

        Exchange done = template.send("direct:sqs", e -> e.getMessage().setBody(TestFiles.sample("direct-put.json")));

        assertThat(done.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(s3.getExchanges()).extracting(e -> e.getMessage().getHeader("CamelAwsS3Key")).containsExactly(
                "staging/dataflow_europages_20220501_13_2.parquet",
                "transformed/dt=2022-05-01/dataflow_europages_20220501_13_2.parquet");
        // DuckDB's refresh statement, and the load report read after the commit
        List<String> jdbc = getMockEndpoint("mock:jdbc:warehouse").getExchanges().stream()
                .map(e -> e.getMessage().getBody(String.class)).toList();
        assertThat(jdbc).hasSize(2);
        assertThat(jdbc.get(0)).startsWith("CREATE VIEW IF NOT EXISTS");
        assertThat(jdbc.get(1)).startsWith("SELECT source_key");
        // the routes count in the service's registry (bound as metricsRegistry), where drain and demo read
        assertThat(context.getRegistry().lookupByNameAndType("metricsRegistry",
                io.micrometer.core.instrument.MeterRegistry.class)).isSameAs(meters);
        PipelineMetrics metrics = new PipelineMetrics(meters);
        assertThat(metrics.count(PipelineMetrics.RECORDS_ACCEPTED)).isEqualTo(1);
        assertThat(metrics.count(PipelineMetrics.FILES_LOADED)).isEqualTo(1);
        assertThat(metrics.count(PipelineMetrics.MESSAGES_FAILED)).isZero();
    }

    static S3Client offlineS3() {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "headBucket" -> HeadBucketResponse.builder().build();
                    case "serviceName" -> "s3";
                    case "close" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "OfflineS3Client";
                    default -> throw new UnsupportedOperationException("unexpected S3 call " + method.getName());
                });
    }
}
