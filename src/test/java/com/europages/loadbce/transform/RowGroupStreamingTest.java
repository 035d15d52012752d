package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column-chunk streaming keeps the row groups, the row order and the schema order of the column chunks. */
class RowGroupStreamingTest {

    @TempDir
    Path dir;

    @Test
    void outputRowGroupsMirrorTheInputOnesWithChunksInSchemaOrder() throws Exception {
        Path in = dir.resolve("in.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(5).withRowGroupBytes(256 * 1024))
                .writeFile(in, LocalDate.of(2026, 11, 26), 2, 1, 30_000);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("""
                columns:
                  - {name: event_index, type: bigint}
                  - {name: page, type: varchar(255)}
                  - {name: event_day, source: event_time, type: date}
                  - {name: event_time, type: timestamp}
                """, "t");

        TransformReport report = new ParquetTransformer(contract, CompressionCodecName.ZSTD).transform(in, out, "k");

        List<BlockMetaData> input;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(in))) {
            input = r.getRowGroups();
        }
        assertThat(input).hasSizeGreaterThan(3);
        assertThat(report.rowGroupsIn()).isEqualTo(input.size());
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(out)); DuckDb db = new DuckDb()) {
            List<BlockMetaData> output = r.getRowGroups();
            assertThat(output).extracting(BlockMetaData::getRowCount)
                    .containsExactlyElementsOf(input.stream().map(BlockMetaData::getRowCount).toList());
            for (BlockMetaData block : output) {
                assertThat(block.getColumns()).extracting(c -> c.getPath().toDotString())
                        .containsExactly("event_index", "page", "event_day", "event_time", "source_key");
                assertThat(block.getColumns()).extracting(ColumnChunkMetaData::getCodec).containsOnly(CompressionCodecName.ZSTD);
            }
            assertThat(db.count("SELECT count(*) FROM (SELECT event_index, row_number() OVER () - 1 AS n FROM read_parquet('"
                    + out + "')) WHERE event_index <> n")).isZero();
            assertThat(db.count("SELECT count(*) FROM read_parquet('" + out + "') WHERE event_day <> CAST(event_time AS DATE) "
                    + "AND event_time <> TIMESTAMP '1970-01-01'")).isZero();
        }
    }
}
