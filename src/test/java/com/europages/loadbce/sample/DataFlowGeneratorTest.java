package com.europages.loadbce.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.intake.FileNameRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample generator: deterministic with its seed, named like Piano's files, BCE table covering ~90% of the ids. */
class DataFlowGeneratorTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final FileNameRule DEFAULT_RULE = new FileNameRule(
            "^dataflow_europages_(?<date>\\d{8})_(?<hour>\\d{2})_(?<part>\\d+)\\.parquet$", "yyyyMMdd");

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.parquet");
        Path c = dir.resolve("c.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(42)).writeFile(a, DAY, 3, 1, 2_000);
        new DataFlowGenerator(GeneratorOptions.defaults(42)).writeFile(b, DAY, 3, 1, 2_000);
        new DataFlowGenerator(GeneratorOptions.defaults(43)).writeFile(c, DAY, 3, 1, 2_000);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void dayFilesMatchTheDefaultFileNameRuleAndSplitTheRows() throws Exception {
        List<Path> files = new DataFlowGenerator(GeneratorOptions.defaults(1)).generateDay(DAY, dir, 2, 4_801);

        assertThat(files).hasSize(48);
        for (Path f : files) {
            FileNameRule.FileName name = DEFAULT_RULE.match(f.getFileName().toString()).orElseThrow();
            assertThat(name.date()).isEqualTo(DAY);
        }
        assertThat(files.get(47).getFileName().toString()).isEqualTo("dataflow_europages_20261126_23_2.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT hour(event_time_utc)) FROM read_parquet('"
                     + dir + "/dataflow_europages_*.parquet')")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(4_801);
            assertThat(r.getLong(2)).isEqualTo(24);
        }
    }

    @Test
    void aDayWrittenInParallelEqualsItsFilesWrittenOneByOne() throws Exception {
        List<Path> day = new DataFlowGenerator(GeneratorOptions.defaults(5)).generateDay(DAY, dir.resolve("day"), 1, 2_404);

        DataFlowGenerator oneByOne = new DataFlowGenerator(GeneratorOptions.defaults(5));
        for (int hour = 0; hour < 24; hour++) {
            Path alone = dir.resolve("alone-" + hour + ".parquet");
            oneByOne.writeFile(alone, DAY, hour, 1, hour < 4 ? 101 : 100);
            assertThat(Files.readAllBytes(day.get(hour))).as("hour %d", hour).isEqualTo(Files.readAllBytes(alone));
        }
    }

    @Test
    void bceTableHoldsAboutNinetyPercentOfTheEventCompanyIds() throws Exception {
        new DataFlowGenerator(GeneratorOptions.defaults(9)).writeFile(dir.resolve("e.parquet"), DAY, 0, 1, 20_000);
        Path bce = BceCompanyTable.write(dir, 9);

        assertThat(Files.readAllLines(bce).get(0)).isEqualTo(BceCompanyTable.HEADER);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("WITH ids AS (SELECT DISTINCT TRY_CAST(ep_company_id AS BIGINT) AS id FROM "
                     + "read_parquet('" + dir.resolve("e.parquet") + "') WHERE TRY_CAST(ep_company_id AS BIGINT) IS NOT NULL) "
                     + "SELECT avg(CASE WHEN b.company_id IS NULL THEN 0 ELSE 1 END) FROM ids "
                     + "LEFT JOIN read_csv('" + bce + "', header = true) b ON b.company_id = ids.id")) {
            r.next();
            assertThat(r.getDouble(1)).isBetween(0.85, 0.95);
        }
    }
}
