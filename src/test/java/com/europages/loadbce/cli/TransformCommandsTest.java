package com.europages.loadbce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.Application;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.sample.PianoEventSchema;
import com.europages.loadbce.transform.ColumnContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transform, ddl, generate and bench subcommands: output, exit codes, errors on stderr. */
class TransformCommandsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        Application app = new Application(() -> AppConfig.load(Path.of("."), env, new Properties()));
        return app.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void generateThenTransformPrintsTheReportAsJson() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("generate", "--date", "2026-11-26", "--out", data.toString(), "--rows", "2400", "--seed", "4")).isZero();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(25).contains("bce_companies.csv",
                    "dataflow_europages_20261126_00_1.parquet", "dataflow_europages_20261126_23_1.parquet");
        }
        out.reset();
        Path in = data.resolve("dataflow_europages_20261126_07_1.parquet");
        Path result = dir.resolve("out.parquet");

        int code = run("transform", in.toString(), result.toString(), "--source-key", "staging/x.parquet");

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("rowsIn").asLong()).isEqualTo(100);
        assertThat(json.get("rowsOut").asLong()).isEqualTo(100);
        assertThat(json.get("sourceKey").asText()).isEqualTo("staging/x.parquet");
        assertThat(json.get("columns").has("company_id")).isTrue();
        assertThat(json.get("droppedColumns").toString()).contains("hit_raw");
        assertThat(result).exists();
    }

    @Test
    void transformErrorGoesToStderrWithExitCodeOne() throws Exception {
        Path contract = Files.writeString(dir.resolve("c.yaml"), "columns: [{name: basket_id, type: bigint}]");
        Path in = dir.resolve("in.parquet");
        assertThat(run("generate", "--date", "2026-11-26", "--out", dir.toString(), "--rows", "24")).isZero();
        Files.move(dir.resolve("dataflow_europages_20261126_00_1.parquet"), in);

        int code = run("transform", in.toString(), dir.resolve("o.parquet").toString(), "--contract", contract.toString());

        assertThat(code).isEqualTo(Application.EXIT_FAILED);
        assertThat(err.toString()).contains("'basket_id'").contains("in.parquet");
        assertThat(err.toString()).startsWith("transform failed: TransformException: ");
        assertThat(dir.resolve("o.parquet")).doesNotExist();
    }

    @Test
    void ddlPrintsTheExternalTableAtTheConfiguredLocation() {
        int code = run(Map.of("WAREHOUSE_EXTERNAL_LOCATION", "s3://other-bucket/events/"), "ddl");

        assertThat(code).isZero();
        String ddl = out.toString(StandardCharsets.UTF_8);
        assertThat(ddl).contains("CREATE EXTERNAL TABLE spectrum.dataflow_events (")
                .contains("  company_id bigint,")
                .contains("  source_key varchar(1024)\n)")
                .contains("PARTITIONED BY (dt date)")
                .contains("LOCATION 's3://other-bucket/events/';");
    }

    @Test
    void benchTransformEndsWithTheSummaryLine() {
        int code = run("bench", "transform", "--rows", "3000", "--rounds", "1");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("outputs hold the same rows (EXCEPT ALL both ways empty)");
        assertThat(lines.get(lines.size() - 1)).matches(
                "bench transform rows=3000 ours_rows_per_s=\\d+ duckdb_rows_per_s=\\d+ ratio=\\d+\\.\\d\\d peak_heap_mb=\\d+"
                        + " duckdb_copy_rows_per_s=\\d+ copy_ratio=\\d+\\.\\d\\d columns=\\d+ threads=\\d+");
    }

    @Test
    void benchTransformOfAWideFileTransformsEveryCustomProperty() {
        int code = run("bench", "transform", "--rows", "2000", "--rounds", "1", "--columns", "13");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("outputs hold the same rows (EXCEPT ALL both ways empty)");
        assertThat(lines.get(0)).contains("2000 rows, " + (PianoEventSchema.SCHEMA.getFieldCount() + 13) + " columns");
        // the standard contract's columns and one per custom property
        assertThat(lines.get(lines.size() - 1)).contains(" columns=" + (standardColumns() + 13) + " ");
    }

    private static int standardColumns() {
        return ColumnContract.load(Path.of("routes/schema/dataflow_events.yaml")).columns().size();
    }

    @Test
    void unknownBenchmarkIsAUsageError() {
        assertThat(run("bench", "everything")).isEqualTo(Application.EXIT_USAGE);
        assertThat(err.toString()).contains("Unknown command: 'everything'", "transform, day");
    }
}
