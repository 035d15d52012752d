package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns transformed on several threads give the very file one thread gives, and fail the same way. */
class ParallelColumnsTest {
    private static final ColumnContract CONTRACT = ColumnContract.parse("""
            columns:
              - {name: event_index, type: bigint}
              - {name: page, type: varchar(255)}
              - {name: missing_one, type: integer, fill: 7, missing: fill}
              - {name: event_day, source: event_time, type: date}
              - {name: event_time, type: timestamp}
              - {name: visitor_id, type: varchar(64)}
              - {name: geo_latitude, type: "decimal(9,6)"}
              - {name: product_tags, source: ep_product_tags, type: varchar(500), delimiter: "|"}
            """, "t");

    @TempDir
    Path dir;

    @Test
    void theOutputIsTheSameBytesWhateverTheNumberOfThreads() throws Exception {
        Path in = dir.resolve("in.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(5).withRowGroupBytes(256 * 1024))
                .writeFile(in, LocalDate.of(2026, 11, 26), 2, 1, 20_000);
        Path one = dir.resolve("one.parquet");
        TransformReport sequential = new ParquetTransformer(CONTRACT, CompressionCodecName.SNAPPY, 1).transform(in, one, "k");
        assertThat(sequential.rowGroupsIn()).isGreaterThan(1);

        for (int threads : new int[] {2, 3, 16}) {
            Path many = dir.resolve("threads-" + threads + ".parquet");
            TransformReport parallel = new ParquetTransformer(CONTRACT, CompressionCodecName.SNAPPY, threads)
                    .transform(in, many, "k");

            assertThat(Files.mismatch(one, many)).as("%d threads", threads).isEqualTo(-1L);
            assertThat(parallel.columns()).isEqualTo(sequential.columns());
            assertThat(parallel.filledColumns()).containsExactly("missing_one");
        }
    }

    @Test
    void aFailingColumnIsReportedAsOneThreadReportsItAndLeavesNoOutput() throws Exception {
        Path in = dir.resolve("in.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(5)).writeFile(in, LocalDate.of(2026, 11, 26), 2, 1, 5_000);
        // page is text: as a bigint every value is unconvertible, and the file fails on its first row
        ColumnContract strict = ColumnContract.parse("""
                columns:
                  - {name: event_index, type: bigint}
                  - {name: visitor_id, type: varchar(64)}
                  - {name: page, type: varchar(3)}
                  - {name: event_time, type: timestamp}
                varchar_overflow: error
                """, "t");
        String[] messages = new String[2];
        int[] threads = {1, 4};
        for (int i = 0; i < threads.length; i++) {
            Path out = dir.resolve("out-" + threads[i] + ".parquet");
            int n = i;
            assertThatThrownBy(() -> new ParquetTransformer(strict, CompressionCodecName.SNAPPY, threads[n])
                    .transform(in, out, "staging/f.parquet"))
                    .isInstanceOf(TransformException.class)
                    .satisfies(e -> messages[n] = e.getMessage());
            assertThat(out).doesNotExist();
        }
        assertThat(messages[1]).isEqualTo(messages[0]).contains("Column 'page'");
    }
}
