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

/**
 * Column-chunk streaming keeps the rows, their order and the schema order of the column chunks; a small input row group
 * of many rows is cut into even output row groups (readers scan row groups in parallel), a large one is kept whole.
 */
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

    @Test
    void aSmallRowGroupOfManyRowsIsCutIntoEvenRowGroupsKeepingTheRowOrder() throws Exception {
        Path in = dir.resolve("in.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(5)).writeFile(in, LocalDate.of(2026, 11, 26), 2, 1, 40_000);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("""
                columns:
                  - {name: event_index, type: bigint}
                  - {name: page, type: varchar(255)}
                  - {name: product_tags, source: ep_product_tags, type: varchar(1000), delimiter: "|"}
                """, "t");

        TransformReport report = new ParquetTransformer(contract, CompressionCodecName.SNAPPY, 2).transform(in, out, "k");

        assertThat(report.rowGroupsIn()).isEqualTo(1);
        assertThat(report.rowGroupsOut()).isEqualTo(3);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(out)); DuckDb db = new DuckDb()) {
            assertThat(r.getRowGroups()).extracting(BlockMetaData::getRowCount).containsExactly(13_334L, 13_333L, 13_333L);
            assertThat(db.count("SELECT count(*) FROM (SELECT event_index, row_number() OVER () - 1 AS n FROM read_parquet('"
                    + out + "')) WHERE event_index <> n")).isZero();
            assertThat(db.count("SELECT count(*) FROM read_parquet('" + out + "')")).isEqualTo(40_000);
            // the joined lists, read across the cut, are those of the rows they belong to
            assertThat(db.count("SELECT count(*) FROM read_parquet('" + out + "') o JOIN (SELECT event_index, "
                    + "array_to_string(ep_product_tags, '|') AS t FROM read_parquet('" + in + "')) i USING (event_index) "
                    + "WHERE o.product_tags <> coalesce(i.t, '')")).isZero();
        }
    }

    @Test
    void aRowGroupIsCutOnlyWhenItHasMoreRowsThanAnOutputOneAndIsSmallEnoughToHold() {
        assertThat(ParquetTransformer.slices(16_384, 1_000)).containsExactly(16_384);
        assertThat(ParquetTransformer.slices(16_385, 1_000)).containsExactly(8_193, 8_192);
        assertThat(ParquetTransformer.slices(1_000_000, ParquetTransformer.SPLIT_ROW_GROUP_BYTES + 1)).containsExactly(1_000_000);
        long[] slices = ParquetTransformer.slices(1_000_000, ParquetTransformer.SPLIT_ROW_GROUP_BYTES);
        assertThat(slices).hasSize(62);
        assertThat(java.util.Arrays.stream(slices).max().getAsLong()).isLessThanOrEqualTo(ParquetTransformer.OUTPUT_ROW_GROUP_ROWS);
        assertThat(java.util.Arrays.stream(slices).sum()).isEqualTo(1_000_000);
    }
}
