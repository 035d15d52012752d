package com.europages.loadbce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.TransformSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench day on a small day: both load the same rows, a changed row is caught, the summary line follows, a kept folder runs again. */
class DayBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void thePipelineAndTheScriptLoadTheSameRowsAndTheLineReportsBoth() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DayBenchmark.Result r = DayBenchmark.run(EmbeddedServicesFixture.projectConfig(dir, Map.of()), dir, 4_800, 24, 1,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(r.rowDiff()).as(printed).isZero();
        assertThat(r.files()).isEqualTo(24);
        assertThat(printed).contains("pipeline: 24 files loaded in", "both warehouses hold the same rows");
        // each file's time by stage, then the stages' sums, shares and medians
        assertThat(printed.lines().filter(l -> l.matches("staging/\\S+\\.parquet( \\d+){10}"))).hasSize(24);
        String stages = printed.lines().filter(l -> l.startsWith("bench day stages ")).findFirst().orElseThrow();
        for (String stage : new String[] {"sqs", "s3_get", "transform", "loader_wait", "s3_put", "local_copy", "load", "commit", "other"}) {
            assertThat(stages).containsPattern(" " + stage + "_s=\\d+\\.\\d " + stage + "_pct=\\d+ " + stage + "_median_ms=\\d+");
        }
        assertThat(stages).doesNotContain("transform_s=0.0 ", "load_s=0.0 ", "s3_get_s=0.0 ");
        assertThat(r.line()).matches(
                "bench day rows=4800 files=24 consumers=1 loaders_per_consumer=2 ours_s=\\d+\\.\\d duckdb_script_s=\\d+\\.\\d ratio=\\d+\\.\\d\\d");

        // one value changed in one row of the pipeline's warehouse: that row is missing one way and extra the other
        AppConfig config = EmbeddedServicesFixture.projectConfig(dir, Map.of());
        Path ours = dir.resolve("service").resolve("warehouse.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + ours); Statement s = c.createStatement()) {
            s.execute("UPDATE " + config.get("warehouse.final-table") + " SET page = page || 'x' WHERE rowid = 7");
        }
        assertThat(DayBenchmark.compare(TransformSettings.from(config).contract(), config, ours, dir.resolve("script.duckdb")))
                .isEqualTo(2);
    }

    @Test
    void aSecondRunInTheSameFolderStartsFromItsOwnFilesAndEmptyWarehouses() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        AppConfig config = EmbeddedServicesFixture.projectConfig(dir, Map.of());
        DayBenchmark.run(config, dir, 2_400, 48, 1, quiet);

        DayBenchmark.Result again = DayBenchmark.run(config, dir, 1_200, 24, 1, quiet);

        assertThat(again.rowDiff()).isZero();
        assertThat(again.files()).isEqualTo(24);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("service").resolve("warehouse.duckdb"));
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM " + config.get("warehouse.final-table"))) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1_200);
        }
    }
}
