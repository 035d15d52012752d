package com.europages.loadbce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.Application;
import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
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

/** `report --date` sums the audit rows of that file date only, names the slowest file and the last load. */
class ReportCommandTest {

    static final LocalDate DAY = LocalDate.of(2022, 5, 1);

    @TempDir
    Path dataDir;
    AppConfig config;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void auditRowsOfTwoDays() throws Exception {
        config = EmbeddedServicesFixture.projectConfig(dataDir, Map.of());
        try (Warehouse w = Warehouse.open(config, TransformSettings.from(config).contract());
             Connection c = w.dataSource().getConnection();
             // the load route's statement, its named parameters made positional as camel-jdbc does
             PreparedStatement ps = c.prepareStatement(new DefaultJdbcPrepareStatementStrategy()
                     .prepareQuery(w.sql().sql("audit-insert.sql"), true))) {
            insert(ps, "staging/a.parquet", DAY, 1000, 990, 900, 90, 50, 2, 300, 100, "2022-05-02T06:01:00");
            insert(ps, "staging/b.parquet", DAY, 2000, 2000, 1500, 500, 70, 0, 900, 400, "2022-05-02T06:03:00");
            insert(ps, "staging/c.parquet", DAY.minusDays(1), 7000, 7000, 7000, 0, 1, 1, 9000, 9000, "2022-05-01T06:00:00");
        }
    }

    private static void insert(PreparedStatement ps, String key, LocalDate date, long read, long loaded, long matched,
                               long unmatched, long replaced, long unconvertible, long transformMs, long loadMs,
                               String loadedAt) throws Exception {
        Object[] values = {key, "etag", Date.valueOf(date), read, loaded, loaded, matched, unmatched, replaced,
            unconvertible, transformMs, loadMs, Timestamp.valueOf(LocalDateTime.parse(loadedAt)),
            key.startsWith("staging/a") ? "" : "ep_new_prop,ep_other", key.startsWith("staging/b") ? "page_type" : ""};
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.executeUpdate();
    }

    private int report(String... args) {
        return new Application(() -> config).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void textSummaryOfTheDay() {
        // a past day holding 2 of its 144 expected files is incomplete (see ReportCompletenessTest)
        assertThat(report("report", "--date", "2022-05-01")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Load report of 2022-05-01 (analytics.dataflow_load_audit)",
                "files loaded           2", "rows read              3,000", "rows loaded            2,990",
                "  with a company       2,400", "  without a company    590", "values replaced        120",
                "values unconvertible   2", "slowest file           staging/b.parquet (1,300 ms)",
                "last load              2022-05-02T06:03",
                "new columns (dropped)  ep_new_prop (1 file), ep_other (1 file)",
                "missing, filled        page_type (1 file)");
    }

    @Test
    void jsonSummaryOfTheDay() throws Exception {
        assertThat(report("report", "--date", "2022-05-01", "--json")).isEqualTo(1);
        JsonNode n = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(n.path("files").asLong()).isEqualTo(2);
        assertThat(n.path("rowsLoaded").asLong()).isEqualTo(2990);
        assertThat(n.path("rowsUnmatched").asLong()).isEqualTo(590);
        assertThat(n.path("valuesUnconvertible").asLong()).isEqualTo(2);
        assertThat(n.path("transformMs").asLong()).isEqualTo(1200);
        assertThat(n.path("slowestFile").path("key").asText()).isEqualTo("staging/b.parquet");
        assertThat(n.path("lastLoadedAt").asText()).isEqualTo("2022-05-02T06:03");
        assertThat(n.path("newColumns").path("ep_new_prop").asInt()).isEqualTo(1);
        assertThat(n.path("filledColumns").path("page_type").asInt()).isEqualTo(1);
    }

    @Test
    void aDayWithoutLoadsSaysSoAndExitsOne() {
        assertThat(report("report", "--date", "2022-04-01")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("files loaded           0")
                .doesNotContain("slowest");
    }

    @Test
    void aMissingOrMalformedDateIsAUsageError() {
        assertThat(report("report")).isEqualTo(2);
        assertThat(report("report", "--date", "01/05/2022")).isEqualTo(2);
    }
}
