package com.europages.loadbce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.Application;
import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `contract suggest FILE.parquet`: a line for each column the contract does not read, typed from Parquet, a varchar
 * as long as the longest value rounded up; the lines parse as a contract.
 */
class ContractSuggestCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        AppConfig config = EmbeddedServicesFixture.projectConfig(dir.resolve("data"), Map.of());
        return new Application(() -> config).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** An export with two contract columns and five new properties of other types, written by DuckDB. */
    Path export() throws Exception {
        Path file = dir.resolve("export.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'v' || i AS visitor_id, i AS site_id, "
                    + "repeat('x', 20 + i) AS \"epCampaignLabel\", CAST(i AS SMALLINT) AS ep_rank, "
                    + "CAST(i * 1.5 AS DECIMAL(10,2)) AS ep_price, i % 2 = 0 AS ep_flag, "
                    + "['a', 'bb'] AS ep_tags "
                    + "FROM range(1, 31) t(i)) TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void suggestsTheNewColumnsTypedFromTheFile() throws Exception {
        assertThat(run("contract", "suggest", export().toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "  - {name: ep_campaign_label, source: epCampaignLabel, type: varchar(64)}",
                "  - {name: ep_rank, type: smallint}",
                "  - {name: ep_price, type: \"decimal(10,2)\"}",
                "  - {name: ep_flag, type: boolean}",
                "  - {name: ep_tags, type: varchar(16), delimiter: ','}");
    }

    @Test
    void theSuggestedLinesAreAValidContract() throws Exception {
        run("contract", "suggest", export().toString());

        ColumnContract parsed = ColumnContract.parse("columns:\n" + out.toString(StandardCharsets.UTF_8), "suggested");

        assertThat(parsed.columns()).hasSize(5);
    }

    @Test
    void aFileTheContractReadsWhollyGivesNoLine() throws Exception {
        Path file = dir.resolve("known.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'v' AS visitor_id) TO '" + file + "' (FORMAT parquet)");
        }

        assertThat(run("contract", "suggest", file.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already read by the contract");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(run("contract", "suggest", dir.resolve("nope.parquet").toString())).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("nope.parquet"))).isFalse();
    }
}
