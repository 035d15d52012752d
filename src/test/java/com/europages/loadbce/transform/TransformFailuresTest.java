package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract violations and unreadable files fail with one line naming the file (by its key) and the column, and leave
 * no output behind, whatever the failure (Errors included).
 */
class TransformFailuresTest {
    private static final String SCHEMA = "message m { optional binary code (STRING); optional binary name (STRING); }";

    @TempDir
    Path dir;

    private Path input(int rows, int badEvery) throws Exception {
        List<Consumer<Group>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int n = i;
            list.add(g -> {
                g.add("code", n % badEvery == 0 ? "x" + n : Integer.toString(n));
                g.add("name", "name-" + n);
            });
        }
        return ParquetFiles.write(dir.resolve("in.parquet"), SCHEMA, list);
    }

    @Test
    void missingContractColumnNamesTheColumnAndTheFile() throws Exception {
        Path in = input(10, 100);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("columns: [{name: visitor_id, type: varchar(10)}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/f_01.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'visitor_id'")
                .hasMessageContaining("staging/f_01.parquet");
        assertThat(out).doesNotExist();
    }

    @Test
    void unconvertibleShareAboveTheLimitFailsAndNamesTheColumn() throws Exception {
        Path in = input(100, 10); // 10% of the codes are not numbers
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse(
                "max_unconvertible_ratio: 0.05\ncolumns: [{name: code_id, source: code, type: integer}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/f_02.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'code_id'")
                .hasMessageContaining("staging/f_02.parquet")
                .hasMessageContaining("10 of 100");
        assertThat(out).doesNotExist();
    }

    @Test
    void unconvertibleShareUnderTheLimitIsFilledAndCounted() throws Exception {
        Path in = input(100, 10);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse(
                "max_unconvertible_ratio: 0.2\ncolumns: [{name: code_id, source: code, type: integer}]", "t");

        TransformReport report = new ParquetTransformer(contract).transform(in, out, "k");

        assertThat(report.columns().get("code_id").unconvertible()).isEqualTo(10);
        assertThat(report.droppedColumns()).containsExactly("name");
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void varcharOverflowWithErrorPolicyFailsAndNamesTheColumn() throws Exception {
        Path in = input(5, 100);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse(
                "varchar_overflow: error\ncolumns: [{name: short_name, source: name, type: varchar(4)}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/f_03.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'short_name'")
                .hasMessageContaining("staging/f_03.parquet")
                .hasMessageContaining("varchar(4)");
        assertThat(out).doesNotExist();
    }

    @Test
    void unsupportedConversionNamesTheColumnTheFileAndBothTypes() throws Exception {
        Path ints = ParquetFiles.write(dir.resolve("ints.parquet"), "message m { optional int64 n; }", List.of(g -> g.add("n", 1L)));
        ColumnContract timestampFromInteger = ColumnContract.parse("columns: [{name: t, source: n, type: timestamp}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(timestampFromInteger).transform(ints, dir.resolve("x.parquet"), "s/ints"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'t'")
                .hasMessageContaining("s/ints")
                .hasMessageContaining("int64 n")
                .hasMessageContaining("timestamp");
    }

    @Test
    void fileThatIsNotParquetIsATransformErrorNamingTheFile() throws Exception {
        Path in = Files.writeString(dir.resolve("broken.parquet"), "this is not parquet, only some text long enough");
        ColumnContract contract = ColumnContract.parse("columns: [{name: code, type: integer}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, dir.resolve("o.parquet"), "staging/broken.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("staging/broken.parquet");
        assertThat(dir.resolve("o.parquet")).doesNotExist();
    }

    @Test
    void anErrorWhileReadingLeavesNoOutput() throws Exception {
        Path in = input(1_000, 100);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("columns: [{name: name, type: varchar(20)}]", "t");
        // what a codec whose library is missing from the class path does (Hadoop's LZ4 without lz4-java did)
        CompressionCodecFactory missingLibrary = new CompressionCodecFactory() {
            @Override
            public BytesInputCompressor getCompressor(CompressionCodecName codec) {
                throw new UnsupportedOperationException();
            }

            @Override
            public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
                throw new NoClassDefFoundError("net/jpountz/lz4/LZ4Factory");
            }

            @Override
            public void release() {
            }
        };

        assertThatThrownBy(() -> new ParquetTransformer(contract, CompressionCodecName.SNAPPY, missingLibrary, 2)
                .transform(in, out, "k"))
                .isInstanceOf(NoClassDefFoundError.class);
        assertThat(out).doesNotExist();
    }

    @Test
    void aTruncatedFileIsNamedByItsKey() throws Exception {
        Path whole = input(1_000, 100);
        Path in = dir.resolve("half.parquet");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(in, Arrays.copyOf(bytes, bytes.length / 2));
        ColumnContract contract = ColumnContract.parse("columns: [{name: code, type: integer}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, dir.resolve("o.parquet"), "staging/half.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageStartingWith("Not a readable Parquet file: staging/half.parquet: ")
                .hasMessageContaining("staging/half.parquet is not a Parquet file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("LocalInputFile@").doesNotContain("\n"));
        assertThatThrownBy(() -> ParquetTransformProcessor.rowCount(in, "staging/half.parquet"))
                .satisfies(e -> assertThat(e.getMessage()).contains("staging/half.parquet is not a Parquet file")
                        .doesNotContain("LocalInputFile@"));
    }

    @Test
    void aLogicalTypeNewerThanTheReaderIsOneLineNamingTheFileNotABareNullPointerException() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("json.parquet"), "message m { optional binary j (JSON); }",
                List.of(g -> g.add("j", "{}")));
        // the footer's JSON logical type (union field 12) becomes field 30, a type parquet-format has not defined yet
        byte[] bytes = Files.readAllBytes(in);
        int footerLength = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = bytes.length - 8 - footerLength;
        byte[] json = {0x25, 0x26, 0x4C, (byte) 0xCC, 0x00, 0x00};
        int at = indexOf(bytes, json, footerStart);
        assertThat(at).isPositive();
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        patched.write(bytes, 0, at + 3);
        patched.write(new byte[] {0x0C, 0x3C}); // long-form field header: struct, field id zigzag(30)
        patched.write(bytes, at + 4, bytes.length - 8 - (at + 4));
        patched.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(footerLength + 1).array());
        patched.write(new byte[] {'P', 'A', 'R', '1'});
        Files.write(in, patched.toByteArray());
        ColumnContract contract = ColumnContract.parse("columns: [{name: j, type: varchar(20)}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, dir.resolve("o.parquet"), "staging/new.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageStartingWith("Not a readable Parquet file: staging/new.parquet: NullPointerException")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void columnMessagesOfAWideFileAreShortSingleLines() throws Exception {
        StringBuilder schema = new StringBuilder("message m { optional group payload {");
        for (int i = 0; i < 300; i++) {
            schema.append(" optional binary field_").append(i).append(" (STRING);");
        }
        schema.append(" } optional int64 n; }");
        Path in = ParquetFiles.write(dir.resolve("wide.parquet"), schema.toString(), List.of(g -> g.add("n", 1L)));

        ColumnContract missing = ColumnContract.parse("columns: [{name: visitor_id, type: varchar(10)}]", "t");
        assertThatThrownBy(() -> new ParquetTransformer(missing).transform(in, dir.resolve("o.parquet"), "staging/w.parquet"))
                .hasMessage("Column 'visitor_id' required by the contract is missing from staging/w.parquet");
        ColumnContract group = ColumnContract.parse("columns: [{name: payload, type: varchar(10)}]", "t");
        assertThatThrownBy(() -> new ParquetTransformer(group).transform(in, dir.resolve("o.parquet"), "staging/w.parquet"))
                .hasMessageStartingWith("Column 'payload' of staging/w.parquet has type 'optional group payload {")
                .hasMessageEndingWith("groups other than a list of strings cannot be converted")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(320).doesNotContain("\n"));
    }
}
