package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transformer's output equals DuckDB's result of the same SQL transform, for generated and DuckDB-written files,
 * including foreign ones: out-of-range timestamps, binary text that is not UTF-8, UINT_64 and wide decimals, an empty
 * row group, BROTLI pages.
 */
class TransformMatchesDuckDbOracleTest {
    static final Path CONTRACT = Path.of("routes/schema/dataflow_events.yaml");
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @TempDir
    static Path dir;
    static DuckDb db;
    static ColumnContract contract;

    @BeforeAll
    static void open() throws Exception {
        db = new DuckDb();
        contract = ColumnContract.load(CONTRACT);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @ParameterizedTest(name = "{0} {1} dictionary={2} byte-stream-split={3}")
    @CsvSource({
            "SNAPPY, PARQUET_1_0, true, false",
            "ZSTD, PARQUET_2_0, true, true",
            "GZIP, PARQUET_2_0, false, false",
            "UNCOMPRESSED, PARQUET_1_0, false, true"})
    void generatedFilesGiveTheSameRowsAndCountsAsDuckDb(CompressionCodecName codec, WriterVersion version,
                                                        boolean dictionary, boolean byteStreamSplit) throws Exception {
        Path in = dir.resolve("in-" + codec + version + dictionary + byteStreamSplit + ".parquet");
        // small row groups: the file has many of them, each transformed column by column
        new DataFlowGenerator(GeneratorOptions.defaults(7).withRowGroupBytes(512 * 1024)
                .withEncoding(codec, version, dictionary, byteStreamSplit)).writeFile(in, DAY, 5, 1, 12_000);
        Path out = dir.resolve("out-" + in.getFileName());
        String key = "staging/" + DataFlowGenerator.fileName(DAY, 5, 1);

        TransformReport report = new ParquetTransformer(contract, CompressionCodecName.SNAPPY)
                .transform(in, out, key);

        assertThat(report.rowGroupsIn()).isGreaterThan(1);
        assertThat(report.totalReplaced()).isPositive();
        assertThat(report.totalUnconvertible()).isPositive();
        assertThat(report.totalTruncated()).isPositive();
        TransformOracle.assertMatches(db, contract, in, out, report, key);
    }

    @Test
    void filesWrittenByDuckDbWithOtherTypesGiveTheSameRowsAndCounts() throws Exception {
        Path generated = dir.resolve("for-duckdb.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(11)).writeFile(generated, DAY, 9, 2, 8_000);
        Path in = dir.resolve("duckdb-written.parquet");
        // another writer, and other source types for the same columns: int64 micros and nanos timestamps, DATE,
        // decimals to rescale, doubles to narrow into integers, text booleans, tinyints, native booleans
        db.execute("COPY (SELECT * REPLACE ("
                + " CAST(event_time AS TIMESTAMP) AS event_time,"
                + " CAST(event_time_utc AS TIMESTAMP_NS) AS event_time_utc,"
                + " TRY_CAST(date AS DATE) AS date,"
                + " CAST(event_position AS TINYINT) AS event_position," // overflow turns these into unconvertible NULLs
                + " CAST(site_id AS INTEGER) AS site_id,"
                + " CAST(visitor_new AS VARCHAR) AS visitor_new,"
                + " CAST(page_duration AS DOUBLE) / 3 AS page_duration,"
                + " TRY_CAST(transaction_turnover AS DECIMAL(18,3)) AS transaction_turnover,"
                + " CAST(geo_latitude AS FLOAT) AS geo_latitude,"
                + " CAST(ep_click_outbound AS BOOLEAN) AS ep_click_outbound,"
                + " CAST(ep_category_id AS DECIMAL(12,4)) / 7 AS ep_category_id"
                + ") FROM (SELECT * REPLACE (TRY_CAST(event_position AS TINYINT) AS event_position)"
                + " FROM read_parquet('" + generated + "'))"
                + ") TO '" + in + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 3000)");
        Path out = dir.resolve("out-duckdb-written.parquet");
        String key = "staging/dataflow_europages_20261126_09_2.parquet";

        TransformReport report = new ParquetTransformer(contract).transform(in, out, key);

        assertThat(report.rowsIn()).isEqualTo(8_000);
        TransformOracle.assertMatches(db, contract, in, out, report, key);
    }

    @Test
    void foreignTypesOutOfRangeValuesAndInvalidUtf8GiveTheSameRowsAndCounts() throws Exception {
        Path generated = dir.resolve("for-foreign.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(17)).writeFile(generated, DAY, 14, 1, 6_000);
        Path in = dir.resolve("foreign.parquet");
        db.execute("COPY (SELECT * REPLACE ("
                // beyond 9999-12-31 and before 0001-01-01, in micros and in millis
                + " CASE WHEN event_index % 97 = 0 THEN TIMESTAMP '12026-11-26 10:00:00'"
                + "      WHEN event_index % 89 = 0 THEN TIMESTAMP '0001-01-01 00:00:00' - INTERVAL 1 DAY"
                + "      ELSE CAST(event_time AS TIMESTAMP) END AS event_time,"
                + " CAST(CASE WHEN event_index % 83 = 0 THEN TIMESTAMP '20000-01-01' ELSE event_time_utc END AS TIMESTAMP_MS)"
                + "      AS event_time_utc,"
                + " CASE WHEN event_index % 79 = 0 THEN '0000-06-30' ELSE date END AS date,"
                // text in another encoding, as a binary column without annotation
                + " CASE WHEN event_index % 13 = 0 THEN '\\xE9t\\xE9'::BLOB ELSE encode(visitor_id) END AS visitor_id,"
                + " CAST(event_index AS UBIGINT) + CASE WHEN event_index % 101 = 0 THEN 18446744073709000000 ELSE 0 END"
                + "      AS event_index,"
                // unscaled values beyond a long: some still fit decimal(12,2), some do not
                + " CAST(TRY_CAST(transaction_turnover AS DECIMAL(38,10)) * CASE WHEN event_index % 7 = 0 THEN 1000000"
                + "      WHEN event_index % 11 = 0 THEN 1000000000000000 ELSE 1 END AS DECIMAL(38,10)) AS transaction_turnover"
                + ") FROM read_parquet('" + generated + "')"
                + ") TO '" + in + "' (FORMAT parquet, COMPRESSION brotli, ROW_GROUP_SIZE 2000)");
        ParquetFiles.insertEmptyRowGroup(in, 1);
        // DuckDB cannot write U+FFFD repairs in SQL: invalid UTF-8 is compared as unconvertible
        ColumnContract foreign = ColumnContract.parse(Files.readString(CONTRACT)
                .replace("invalid_utf8: replace", "invalid_utf8: unconvertible"), CONTRACT.toString()).with(1.0, contract.overflow());
        assertThat(foreign.invalidUtf8()).isEqualTo(InvalidUtf8Policy.UNCONVERTIBLE);
        Path out = dir.resolve("out-foreign.parquet");
        String key = "staging/dataflow_europages_20261126_14_1.parquet";

        TransformReport report = new ParquetTransformer(foreign).transform(in, out, key);

        assertThat(report.rowsIn()).isEqualTo(6_000);
        assertThat(report.rowGroupsIn()).isEqualTo(4);
        assertThat(report.rowGroupsOut()).isEqualTo(3);
        for (String column : new String[] {"event_time", "event_day", "event_time_utc", "event_date", "visitor_id",
                "event_index", "transaction_turnover"}) {
            assertThat(report.columns().get(column).unconvertible()).as(column).isPositive();
        }
        TransformOracle.assertMatches(db, foreign, in, out, report, key);
    }
}
