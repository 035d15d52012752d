package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corrupt column data never loads: a page whose checksum fails, a page that does not decompress to its size, a
 * dictionary page shorter than its header says. Each is a permanent error naming the file, the column and the row
 * group, and no output is left.
 */
class CorruptFilesAreRejectedTest {
    private static final String SCHEMA = "message m { required int64 n; optional binary s (STRING); }";
    private static final ColumnContract CONTRACT = ColumnContract.parse("""
            columns:
              - {name: n, type: bigint}
              - {name: s, type: varchar(40)}
            """, "t");

    @TempDir
    Path dir;

    private static List<Consumer<Group>> rows(int count) {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = i * 7919L;
            rows.add(g -> {
                g.add("n", n);
                g.add("s", "value-" + n % 100);
            });
        }
        return rows;
    }

    private void assertRejected(Path in, String column, String reason) {
        Path out = dir.resolve("out.parquet");
        assertThatThrownBy(() -> new ParquetTransformer(CONTRACT).transform(in, out, "staging/corrupt.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("staging/corrupt.parquet")
                .hasMessageContaining("column '" + column + "'")
                .hasMessageContaining("row group 0")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aFlippedByteInAChecksummedPageIsRejected() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("crc.parquet"), SCHEMA, rows(2_000), b -> b
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withDictionaryEncoding(false)
                .withPageWriteChecksumEnabled(true));
        ParquetFiles.Page page = ParquetFiles.firstPage(in, 0, "n");
        assertThat(page.header().isSetCrc()).isTrue();
        // uncompressed plain int64s: the flipped byte is a valid, wrong value that only the checksum can catch
        ParquetFiles.flipByte(in, page.dataOffset() + page.header().getCompressed_page_size() / 2);

        assertRejected(in, "n", "checksum");
    }

    @Test
    void aFlippedByteInAGzipPageWithoutChecksumIsRejected() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("gzip.parquet"), SCHEMA, rows(20_000), b -> b
                .withCompressionCodec(CompressionCodecName.GZIP).withDictionaryEncoding(false)
                .withPageWriteChecksumEnabled(false));
        ParquetFiles.Page page = ParquetFiles.firstPage(in, 0, "n");
        assertThat(page.header().isSetCrc()).isFalse();
        ParquetFiles.flipByte(in, page.dataOffset() + page.header().getCompressed_page_size() / 2);

        assertRejected(in, "n", "GZIP");
    }

    @Test
    void aSnappyPageThatDoesNotDecompressToItsSizeIsRejected() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("snappy.parquet"), SCHEMA, rows(2_000), b -> b
                .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(false)
                .withPageWriteChecksumEnabled(false));
        ParquetFiles.Page page = ParquetFiles.firstPage(in, 0, "n");
        // the header says more bytes than the page decompresses to (its varint preamble is left alone)
        ParquetFiles.rewriteHeader(in, page, h -> h.setUncompressed_page_size(h.getUncompressed_page_size() + 8));

        assertRejected(in, "n", "SNAPPY");
    }

    @Test
    void aDictionaryPageShorterThanItsHeaderSaysIsRejected() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("dictionary.parquet"), SCHEMA, rows(2_000), b -> b
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withDictionaryEncoding(true)
                .withPageWriteChecksumEnabled(false));
        ParquetFiles.Page dictionary = ParquetFiles.firstPage(in, 0, "s");
        assertThat(dictionary.header().isSetDictionary_page_header()).isTrue();
        assertThat(dictionary.header().getDictionary_page_header().getNum_values()).isEqualTo(100);
        ParquetFiles.rewriteHeader(in, dictionary, h -> {
            h.getDictionary_page_header().setNum_values(120);
            return h;
        });

        assertRejected(in, "s", "dictionary");
    }

    @Test
    void aCompressedDictionaryPageShorterThanItsHeaderSaysIsRejected() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("dictionary-snappy.parquet"), SCHEMA, rows(2_000), b -> b
                .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(true)
                .withPageWriteChecksumEnabled(false));
        ParquetFiles.Page dictionary = ParquetFiles.firstPage(in, 0, "s");
        ParquetFiles.rewriteHeader(in, dictionary, h -> {
            h.getDictionary_page_header().setNum_values(120);
            return h;
        });

        assertRejected(in, "s", "dictionary");
    }

    /**
     * A byte flipped anywhere in a page either changes nothing the transform reads (a GZIP header's time stamp) or
     * fails the file: never different rows. GZIP carries its own CRC-32; the other codecs need the page checksum.
     */
    @ParameterizedTest(name = "{0}, page checksums {1}")
    @CsvSource({"GZIP, false", "SNAPPY, true", "ZSTD, true", "UNCOMPRESSED, true"})
    void noFlippedByteOfAPageLoadsDifferentRows(CompressionCodecName codec, boolean checksums) throws Exception {
        Path original = ParquetFiles.write(dir.resolve("original.parquet"), SCHEMA, rows(20_000), b -> b
                .withCompressionCodec(codec).withDictionaryEncoding(false).withPageWriteChecksumEnabled(checksums));
        Path expected = dir.resolve("expected.parquet");
        new ParquetTransformer(CONTRACT).transform(original, expected, "k");
        ParquetFiles.Page page = ParquetFiles.firstPage(original, 0, "n");
        int size = page.header().getCompressed_page_size();
        int rejected = 0;
        for (int k = 0; k < 40; k++) {
            Path in = Files.copy(original, dir.resolve("flipped.parquet"), StandardCopyOption.REPLACE_EXISTING);
            ParquetFiles.flipByte(in, page.dataOffset() + (long) k * size / 40);
            Path out = dir.resolve("flipped-out.parquet");
            try {
                new ParquetTransformer(CONTRACT).transform(in, out, "k");
                assertThat(Files.readAllBytes(out)).as("flipped byte %d of %d", k * size / 40, size)
                        .isEqualTo(Files.readAllBytes(expected));
            } catch (TransformException e) {
                assertThat(e.getMessage()).contains("column 'n'").contains("row group 0");
                assertThat(out).doesNotExist();
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(30);
    }
}
