package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output row groups follow the configured size, not the input's: a large input row group is split, rows kept in order. */
class OutputRowGroupsTest {

    @TempDir
    Path dir;

    @Test
    void inputRowGroupLargerThanTheTargetIsWrittenAsSeveralRowGroups() throws Exception {
        Path in = dir.resolve("in.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(5)).writeFile(in, LocalDate.of(2026, 11, 26), 2, 1, 60_000);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("""
                columns:
                  - {name: event_index, type: bigint}
                  - {name: page, type: varchar(255)}
                """, "t");

        TransformReport report = new ParquetTransformer(contract, CompressionCodecName.ZSTD, 64 * 1024).transform(in, out, "k");

        assertThat(report.rowGroupsIn()).isEqualTo(1);
        assertThat(report.rowGroupsOut()).isGreaterThan(2);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(out)); DuckDb db = new DuckDb()) {
            assertThat(r.getRowGroups()).hasSize(report.rowGroupsOut());
            assertThat(r.getRowGroups().stream().mapToLong(BlockMetaData::getRowCount).sum()).isEqualTo(60_000);
            assertThat(r.getRowGroups().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.ZSTD);
            assertThat(db.count("SELECT count(*) FROM (SELECT event_index, row_number() OVER () - 1 AS n FROM read_parquet('"
                    + out + "')) WHERE event_index <> n")).isZero();
        }
    }
}
