package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.hadoop.HadoopOutputStream;
import io.airlift.compress.lzo.LzoHadoopStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every codec parquet-format names is read: files written by parquet-mr with each of its codecs (Hadoop's LZ4 codec,
 * as parquet-mr uses it; LZO through aircompressor's hadoop-lzo compatible stream) and by DuckDB with each of its own
 * (BROTLI among them) transform into the same rows as the uncompressed file.
 */
class CodecsTest {
    private static final String SCHEMA = "message m { required int64 n; optional binary s (STRING); optional double d; }";
    private static final ColumnContract CONTRACT = ColumnContract.parse("""
            columns:
              - {name: n, type: bigint}
              - {name: s, type: varchar(40)}
              - {name: d, type: double precision}
            """, "t");

    @TempDir
    static Path dir;
    static List<String> expected;
    static Path uncompressed;

    private static List<Consumer<Group>> rows() {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            long n = i * 7919L;
            rows.add(g -> {
                g.add("n", n);
                if (n % 7 != 0) {
                    g.add("s", "value-" + n % 1000 + "-é");
                }
                g.add("d", n / 3.0);
            });
        }
        return rows;
    }

    private static List<String> transformedRows(Path in, CompressionCodecName codec) throws Exception {
        assertThat(ParquetFiles.chunk(in, 0, "s").getCodec()).isEqualTo(codec);
        Path out = dir.resolve("out-" + in.getFileName());
        TransformReport report = new ParquetTransformer(CONTRACT).transform(in, out, "k");
        assertThat(report.rowsOut()).isEqualTo(30_000);
        try (DuckDb db = new DuckDb()) {
            return db.strings("SELECT concat_ws(',', n, s, d) FROM read_parquet('" + out + "') ORDER BY n");
        }
    }

    @BeforeAll
    static void writeUncompressed() throws Exception {
        uncompressed = ParquetFiles.write(dir.resolve("uncompressed.parquet"), SCHEMA, rows(),
                b -> b.withCompressionCodec(CompressionCodecName.UNCOMPRESSED));
        expected = transformedRows(uncompressed, CompressionCodecName.UNCOMPRESSED);
        assertThat(expected).hasSize(30_000);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"SNAPPY", "GZIP", "ZSTD", "LZ4", "LZ4_RAW", "LZO"})
    void filesParquetMrWritesWithEachCodecGiveTheSameRows(CompressionCodecName codec) throws Exception {
        Path in = ParquetFiles.write(dir.resolve("parquet-mr-" + codec + ".parquet"), SCHEMA, rows(), b -> {
            b.withCompressionCodec(codec).withPageSize(64 * 1024);
            // hadoop-lzo (GPL) is not on Maven Central: aircompressor writes the same stream format
            return codec == CompressionCodecName.LZO ? b.withCodecFactory(new LzoCompressors()) : b;
        });

        assertThat(transformedRows(in, codec)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"brotli, BROTLI", "lz4, LZ4_RAW", "gzip, GZIP", "zstd, ZSTD", "snappy, SNAPPY"})
    void filesDuckDbWritesWithEachCodecGiveTheSameRows(String duckDbName, CompressionCodecName codec) throws Exception {
        Path in = dir.resolve("duckdb-" + duckDbName + ".parquet");
        try (DuckDb db = new DuckDb()) {
            db.execute("COPY (SELECT * FROM read_parquet('" + uncompressed + "')) TO '" + in
                    + "' (FORMAT parquet, COMPRESSION " + duckDbName + ", ROW_GROUP_SIZE 10000)");
        }

        assertThat(transformedRows(in, codec)).isEqualTo(expected);
    }

    /** LZO pages compressed by aircompressor's Hadoop stream: the hadoop-lzo LzoCodec's block format. */
    private static final class LzoCompressors implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (HadoopOutputStream lzo = new LzoHadoopStreams().createOutputStream(out)) {
                        bytes.writeAllTo(lzo);
                        lzo.finish();
                    }
                    return BytesInput.from(out.toByteArray());
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.LZO;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {
        }
    }
}
