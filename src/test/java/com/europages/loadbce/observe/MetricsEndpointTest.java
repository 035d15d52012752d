package com.europages.loadbce.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** /observe/metrics, scraped over HTTP after a loaded, a rejected and a skipped file, shows the pipeline's figures. */
class MetricsEndpointTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = EmbeddedServicesFixture.runningService(
            Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC), Map.of());

    static PrometheusText scraped;

    @BeforeAll
    static void loadOneFileRejectOneSkipOne() throws Exception {
        Path good = local.dataDir().resolve("dataflow_europages_20220501_05_1.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(3)).writeFile(good, LocalDate.of(2022, 5, 1), 5, 1, 300);
        local.stage(good.getFileName().toString(), RequestBody.fromFile(good));
        local.stage("dataflow_europages_20220501_06_1.parquet", RequestBody.fromString("not a parquet file"));
        local.stage("notes.txt", RequestBody.fromString("skipped"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            scraped = new PrometheusText(ManagementHttp.get(local.runtime(), "/observe/metrics").body());
            return value("loadbce_files_loaded_total").orElse(0.0) == 1
                    && scraped.value("loadbce_files_rejected_total", "reason", "TransformException").orElse(0.0) == 1
                    && scraped.value("loadbce_records_skipped_total", "reason", "name-mismatch").orElse(0.0) == 1;
        });
    }

    static Optional<Double> value(String name) {
        return scraped.value(name);
    }

    static long audit(String column) throws Exception {
        try (Connection c = local.runtime().warehouse().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(" + column + ") FROM "
                     + local.runtime().warehouse().names().get("audit_table"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rowAndValueCountersAgreeWithTheAuditRow() throws Exception {
        assertThat(value("loadbce_rows_read_total")).contains((double) audit("rows_read"));
        assertThat(value("loadbce_rows_loaded_total")).contains(300.0);
        assertThat(value("loadbce_rows_unmatched_total")).contains((double) audit("rows_unmatched"));
        assertThat(value("loadbce_values_replaced_total")).contains((double) audit("values_replaced"));
        assertThat(value("loadbce_values_unconvertible_total")).contains((double) audit("values_unconvertible"));
        assertThat(audit("values_replaced")).as("the generator writes nulls").isPositive();
    }

    @Test
    void transformAndLoadDurationsAreTimedPerFile() {
        assertThat(value("loadbce_file_transform_seconds_count")).contains(1.0);
        assertThat(value("loadbce_file_load_seconds_count")).contains(1.0);
        assertThat(value("loadbce_file_load_seconds_sum")).hasValueSatisfying(s -> assertThat(s).isPositive());
        // the file's hand-off to its consumer's loader thread, which was free
        assertThat(value("loadbce_loader_wait_seconds_count")).contains(1.0);
    }

    @Test
    void oldestMessageAgeIsZeroWhenNothingIsInFlight() {
        assertThat(scraped.toString()).contains("# TYPE loadbce_oldest_message_age_seconds gauge");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            scraped = new PrometheusText(ManagementHttp.get(local.runtime(), "/observe/metrics").body());
            return value("loadbce_oldest_message_age_seconds").orElse(-1.0) == 0.0;
        });
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> live = ManagementHttp.get(local.runtime(), "/observe/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
    }
}
