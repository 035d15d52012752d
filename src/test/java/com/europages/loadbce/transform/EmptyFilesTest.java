package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file without rows loads as 0 rows, whether it has no row group or, as arrow-cpp writes empty tables, an empty one. */
class EmptyFilesTest {
    private static final String SCHEMA = "message m { optional int64 n; optional binary s (STRING); }";
    private static final ColumnContract CONTRACT = ColumnContract.parse("""
            columns:
              - {name: n, type: bigint}
              - {name: s, type: varchar(10)}
            """, "t");

    @TempDir
    Path dir;

    private static long rows(Path file) throws Exception {
        try (DuckDb db = new DuckDb()) {
            return db.count("SELECT count(*) FROM read_parquet('" + file + "') WHERE n IS NOT NULL AND s IS NOT NULL "
                    + "AND source_key IS NOT NULL");
        }
    }

    @Test
    void aFileWhoseOnlyRowGroupIsEmptyLoadsAsZeroRows() throws Exception {
        Path in = ParquetFiles.writeEmptyRowGroup(dir.resolve("arrow-empty.parquet"), SCHEMA);
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(CONTRACT).transform(in, out, "staging/empty.parquet");

        assertThat(report.rowsIn()).isZero();
        assertThat(report.rowsOut()).isZero();
        assertThat(report.rowGroupsIn()).isEqualTo(1);
        assertThat(report.rowGroupsOut()).isZero();
        assertThat(rows(out)).isZero();
        assertThat(ParquetFiles.schema(out).getFieldCount()).isEqualTo(3);
        assertThat(ParquetTransformProcessor.rowCount(in, "staging/empty.parquet")).isZero();
    }

    @Test
    void aFileWithoutRowGroupsLoadsAsZeroRows() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("none.parquet"), SCHEMA, List.of());
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(CONTRACT).transform(in, out, "k");

        assertThat(report.rowsIn()).isZero();
        assertThat(report.rowGroupsIn()).isZero();
        assertThat(rows(out)).isZero();
    }

    @Test
    void anEmptyRowGroupBetweenOthersIsSkipped() throws Exception {
        List<java.util.function.Consumer<org.apache.parquet.example.data.Group>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            long n = i;
            rows.add(g -> g.add("n", n));
        }
        // small row groups: parquet-mr checks the size every 100 rows
        Path in = ParquetFiles.write(dir.resolve("mixed.parquet"), SCHEMA, rows, b -> b.withRowGroupSize(1024L));
        int groups = ParquetFiles.rowGroupCount(in);
        assertThat(groups).isGreaterThan(1);
        ParquetFiles.insertEmptyRowGroup(in, 1);
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(CONTRACT).transform(in, out, "k");

        assertThat(report.rowGroupsIn()).isEqualTo(groups + 1);
        assertThat(report.rowGroupsOut()).isEqualTo(groups);
        assertThat(report.rowsOut()).isEqualTo(1_000);
        try (DuckDb db = new DuckDb()) {
            assertThat(db.count("SELECT sum(n) FROM read_parquet('" + out + "')")).isEqualTo(999L * 1_000 / 2);
        }
    }
}
