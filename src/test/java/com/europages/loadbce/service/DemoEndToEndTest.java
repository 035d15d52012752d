package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's code path on a smaller day: every file loaded, the report right, and a second run changes no row. */
class DemoEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedDayLoadsCompletelyAndASecondRunChangesNothing() throws Exception {
        AppConfig config = EmbeddedServicesFixture.projectConfig(dir, Map.of("sqs.concurrent-consumers", "2"));
        Clock clock = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DemoRun.Report first = DemoRun.run(config, Clock.offset(clock, Duration.ZERO), 1, 6_000, 3,
                Duration.ofMinutes(3), new PrintStream(out, true, StandardCharsets.UTF_8), false);

        assertThat(first.ok()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(first.files()).isEqualTo(24);
        assertThat(first.filesLoaded()).isEqualTo(24);
        assertThat(first.rowsLoaded()).isEqualTo(6_000);
        assertThat(first.rowsWithoutCompany()).isBetween(1L, 6_000L / 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[24/24]");
        assertThat(first.completeness()).isEqualTo("completeness 2022-05-01: 24 of 24 files loaded, 0 rejected, 0 missing (complete)");
        long[] before = finalTable(first.warehouseFile());
        assertThat(before[0]).isEqualTo(6_000);
        assertThat(before[1]).isEqualTo(first.rowsWithoutCompany());

        // a later clock: the load times change, nothing else may
        DemoRun.Report second = DemoRun.run(config, Clock.offset(clock, Duration.ofMinutes(5)), 1, 6_000, 3,
                Duration.ofMinutes(3), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);

        assertThat(second.ok()).isTrue();
        assertThat(second.checksum()).isEqualTo(first.checksum());
        assertThat(finalTable(second.warehouseFile())).containsExactly(before[0], before[1]);

        // another JVM writes the same generated rows to other bytes (parquet-hadoop's encoding lists): other ETags
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + second.warehouseFile());
             Statement s = c.createStatement()) {
            s.execute("UPDATE analytics.dataflow_events_bce SET source_etag = 'from another JVM'");
        }
        try (Warehouse w = Warehouse.open(config, TransformSettings.from(config).contract())) {
            assertThat(DemoRun.checksum(w, second.day(), LocalDateTime.of(2000, 1, 1, 0, 0))).isEqualTo(second.checksum());
        }
    }

    private static long[] finalTable(Path duckDbFile) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckDbFile);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN company_matched THEN 0 ELSE 1 END) "
                     + "FROM analytics.dataflow_events_bce")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
