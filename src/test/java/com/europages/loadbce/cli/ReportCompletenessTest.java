package com.europages.loadbce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.Application;
import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.camel.component.jdbc.DefaultJdbcPrepareStatementStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `report --date` per hour: files expected (intake.expected-files-per-hour), loaded, rejected and missing, hours and
 * parts read from the names; a file counts by its latest outcome; a past day with a gap or a rejection exits 1.
 */
class ReportCompletenessTest {

    static final LocalDate DAY = LocalDate.of(2022, 5, 1);

    @TempDir
    Path dataDir;
    AppConfig config;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void config() {
        config = EmbeddedServicesFixture.projectConfig(dataDir, Map.of("intake.expected-files-per-hour", "2"));
    }

    static String key(int hour, int part) {
        return "staging/" + DataFlowGenerator.fileName(DAY, hour, part);
    }

    /** Loaded and rejected files as the load and reject-file routes record them (their own statements). */
    void record(Map<String, String> loaded, Map<String, String> rejected) throws Exception {
        var prepare = new DefaultJdbcPrepareStatementStrategy();
        try (Warehouse w = Warehouse.open(config, TransformSettings.from(config).contract());
             Connection c = w.dataSource().getConnection();
             PreparedStatement audit = c.prepareStatement(prepare.prepareQuery(w.sql().sql("audit-insert.sql"), true));
             PreparedStatement reject = c.prepareStatement(prepare.prepareQuery(w.sql().sql("rejected-insert.sql"), true))) {
            for (var e : loaded.entrySet()) {
                Object[] values = {e.getKey(), "etag", Date.valueOf(DAY), 10, 10, 10, 10, 0, 0, 0, 1, 1, at(e.getValue()),
                    "", ""};
                for (int i = 0; i < values.length; i++) {
                    audit.setObject(i + 1, values[i]);
                }
                audit.executeUpdate();
            }
            for (var e : rejected.entrySet()) {
                Object[] values = {e.getKey(), "etag", DAY.toString(), "Column 'page' is missing", at(e.getValue())};
                for (int i = 0; i < values.length; i++) {
                    reject.setObject(i + 1, values[i]);
                }
                reject.executeUpdate();
            }
        }
    }

    static Timestamp at(String time) {
        return Timestamp.valueOf(LocalDateTime.parse("2022-05-02T" + time));
    }

    /** Every file of the day loaded at 06:00, but those named. */
    Map<String, String> allLoadedBut(String... keys) {
        Map<String, String> loaded = new java.util.HashMap<>();
        for (int h = 0; h < 24; h++) {
            for (int p = 1; p <= 2; p++) {
                loaded.put(key(h, p), "06:00:00");
            }
        }
        for (String k : keys) {
            loaded.remove(k);
        }
        return loaded;
    }

    int report(String... args) {
        return new Application(() -> config).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void aPastDayWithAMissingAndRejectedFilesShowsTheirHoursAndExitsOne() throws Exception {
        Map<String, String> loaded = allLoadedBut(key(5, 2), key(7, 2));
        // loaded, then a broken re-upload rejected: counts as rejected; rejected, then fixed: counts as loaded
        Map<String, String> rejected = Map.of(key(7, 2), "06:05:00", key(9, 1), "07:00:00", key(10, 1), "05:00:00");
        record(loaded, rejected);

        assertThat(report("report", "--date", DAY.toString())).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "completeness 2022-05-01: 45 of 48 files loaded, 2 rejected, 1 missing",
                "  hour 05  expected 2  loaded 1  rejected 0  missing 1",
                "  hour 07  expected 2  loaded 1  rejected 1  missing 0",
                "  hour 09  expected 2  loaded 1  rejected 1  missing 0")
                .doesNotContain("hour 10").doesNotContain("hour 00");
    }

    @Test
    void aCompletePastDayExitsZero() throws Exception {
        record(allLoadedBut(), Map.of());

        assertThat(report("report", "--date", DAY.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("completeness 2022-05-01: 48 of 48 files loaded, 0 rejected, 0 missing (complete)");
    }

    @Test
    void theJsonHasEveryHourForSchedulers() throws Exception {
        record(allLoadedBut(key(23, 1), key(23, 2)), Map.of());

        assertThat(report("report", "--date", DAY.toString(), "--json")).isEqualTo(1);

        JsonNode c = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("completeness");
        assertThat(c.path("expected").asInt()).isEqualTo(48);
        assertThat(c.path("loaded").asInt()).isEqualTo(46);
        assertThat(c.path("missing").asInt()).isEqualTo(2);
        assertThat(c.path("complete").asBoolean()).isFalse();
        assertThat(c.path("hours")).hasSize(24);
        assertThat(c.path("hours").get(23).path("missing").asInt()).isEqualTo(2);
        assertThat(c.path("hours").get(22).path("missing").asInt()).isZero();
    }
}
