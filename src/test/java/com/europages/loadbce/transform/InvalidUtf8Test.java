package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes that are not UTF-8 never reach a varchar: by the contract's invalid_utf8 their invalid sequences are replaced
 * with U+FFFD (the default, counted), the value is unconvertible, or the file fails. The output is always valid UTF-8.
 */
class InvalidUtf8Test {
    private static final String SCHEMA = """
            message m {
              required int32 id;
              optional binary raw;
              optional binary txt (STRING);
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
            }""";
    private static final String COLUMNS = """
            columns:
              - {name: id, type: integer}
              - {name: raw, type: varchar(20)}
              - {name: txt, type: varchar(20)}
              - {name: short_raw, source: raw, type: varchar(4)}
              - {name: tags, type: varchar(20), delimiter: "|"}
            """;

    @TempDir
    Path dir;

    /** Seven rows: a binary column without annotation holding other encodings, a STRING column and a list with a bad byte. */
    private Path input() throws Exception {
        List<Consumer<Group>> rows = List.of(
                g -> {
                    g.add("id", 1);
                    g.add("raw", ParquetFiles.bytes(0xFF, 0xFF, 0x01, 0x02));
                    g.add("txt", "ok");
                    Group tags = g.addGroup("tags");
                    tags.addGroup("list").add("element", "a");
                    tags.addGroup("list").add("element", ParquetFiles.bytes(0xFF));
                },
                g -> {
                    g.add("id", 2);
                    g.add("raw", "héllo");
                    g.add("txt", ParquetFiles.bytes(0xC3, 0x28)); // what a corrupt page can hold in a STRING column
                },
                g -> {
                    g.add("id", 3);
                    g.add("raw", ParquetFiles.bytes(0xE0, 0x80, 0x80)); // overlong
                },
                g -> {
                    g.add("id", 4);
                    g.add("raw", ParquetFiles.bytes(0xED, 0xA0, 0x80)); // a surrogate
                },
                g -> {
                    g.add("id", 5);
                    g.add("raw", ParquetFiles.bytes(0xF0, 0x9F, 0x98, 0x80)); // U+1F600, valid
                },
                g -> {
                    g.add("id", 6);
                    g.add("raw", ParquetFiles.bytes(0x61, 0xC3)); // cut in the middle of a character
                },
                g -> g.add("id", 7));
        return ParquetFiles.write(dir.resolve("latin.parquet"), SCHEMA, rows);
    }

    private static List<String> hexRows(Path out) throws Exception {
        try (DuckDb db = new DuckDb()) {
            // DuckDB refuses to read a string column that is not valid UTF-8: reading it at all is part of the check
            return db.strings("SELECT concat_ws(' ', id, hex(encode(raw)), hex(encode(txt)), hex(encode(short_raw)), tags) "
                    + "FROM read_parquet('" + out + "') ORDER BY id");
        }
    }

    @Test
    void invalidSequencesAreReplacedWithUFffdAndCountedByDefault() throws Exception {
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(ColumnContract.parse(COLUMNS, "t")).transform(input(), out, "k");

        assertThat(hexRows(out)).containsExactly(
                "1 EFBFBDEFBFBD0102 6F6B EFBFBD a|\uFFFD",
                "2 68C3A96C6C6F EFBFBD28 68C3A96C ",
                "3 EFBFBDEFBFBDEFBFBD  EFBFBD ",
                "4 EFBFBDEFBFBDEFBFBD  EFBFBD ",
                "5 F09F9880  F09F9880 ",
                "6 61EFBFBD  61EFBFBD ",
                "7    ");
        assertThat(report.columns().get("raw")).isEqualTo(new ColumnCounts(1, 0, 0, 4));
        assertThat(report.columns().get("txt")).isEqualTo(new ColumnCounts(5, 0, 0, 1));
        assertThat(report.columns().get("short_raw")).isEqualTo(new ColumnCounts(1, 0, 4, 4));
        assertThat(report.columns().get("tags")).isEqualTo(new ColumnCounts(6, 0, 0, 1));
        assertThat(report.totalInvalidUtf8()).isEqualTo(10);
        assertThat(report.toJson().get("invalidUtf8").asLong()).isEqualTo(10);
    }

    @Test
    void underUnconvertibleAnInvalidValueBecomesTheFill() throws Exception {
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("invalid_utf8: unconvertible\nmax_unconvertible_ratio: 1\n" + COLUMNS, "t");

        TransformReport report = new ParquetTransformer(contract).transform(input(), out, "k");

        assertThat(hexRows(out)).containsExactly(
                "1  6F6B  ",
                "2 68C3A96C6C6F  68C3A96C ",
                "3    ",
                "4    ",
                "5 F09F9880  F09F9880 ",
                "6    ",
                "7    ");
        assertThat(report.columns().get("raw")).isEqualTo(new ColumnCounts(1, 4, 0, 0));
        assertThat(report.columns().get("txt")).isEqualTo(new ColumnCounts(5, 1, 0, 0));
        assertThat(report.columns().get("tags")).isEqualTo(new ColumnCounts(6, 1, 0, 0));
    }

    @Test
    void underFailTheFileFailsNamingTheColumnAndTheRowGroup() throws Exception {
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("invalid_utf8: fail\n" + COLUMNS, "t");
        Path in = input();

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/latin.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'raw'")
                .hasMessageContaining("staging/latin.parquet")
                .hasMessageContaining("row group 0")
                .hasMessageContaining("not valid UTF-8");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownPolicyIsAContractError() {
        assertThatThrownBy(() -> ColumnContract.parse("invalid_utf8: drop\n" + COLUMNS, "contract.yaml"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("contract.yaml")
                .hasMessageContaining("invalid_utf8 must be replace, unconvertible or fail");
    }

    /** Expected values as the Unicode standard's "maximal subpart" practice gives them (Python's errors='replace'). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "FFFF0102, EFBFBDEFBFBD0102",
            "E08080, EFBFBDEFBFBDEFBFBD",
            "EDA080, EFBFBDEFBFBDEFBFBD",
            "F09080, EFBFBD",
            "F4908080, EFBFBDEFBFBDEFBFBDEFBFBD",
            "C0AF, EFBFBDEFBFBD",
            "61C3, 61EFBFBD",
            "E282, EFBFBD",
            "F0908041, EFBFBD41",
            "C3A9, C3A9",
            "F48FBFBF, F48FBFBF"})
    void repairReplacesEachMaximalInvalidSubpartWithOneUFffd(String in, String expected) {
        byte[] bytes = HexFormat.of().parseHex(in);

        assertThat(HexFormat.of().withUpperCase().formatHex(Utf8.repaired(bytes, 0, bytes.length))).isEqualTo(expected);
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).isEqualTo(in.equals(expected));
    }

    @Test
    void validationAgreesWithTheJdkDecoderAndRepairAlwaysGivesValidUtf8() {
        SplittableRandom random = new SplittableRandom(13);
        // bytes drawn mostly from the interesting places: ASCII, continuation bytes, every kind of lead byte
        int[] pool = {0x41, 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 200_000; n++) {
            // half of them mostly ASCII and up to 40 bytes: runs of eight ASCII bytes are checked at once
            boolean ascii = n % 2 == 1;
            byte[] b = new byte[ascii ? random.nextInt(1, 41) : random.nextInt(1, 9)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (ascii && random.nextInt(12) != 0 ? random.nextInt(128)
                        : random.nextInt(4) == 0 ? random.nextInt(256) : pool[random.nextInt(pool.length)]);
            }
            boolean valid = Utf8.isValid(b, 0, b.length);
            assertThat(valid).as(HexFormat.of().formatHex(b)).isEqualTo(jdkAccepts(b));
            // the same bytes inside a larger array, between bytes that are never valid
            byte[] framed = new byte[b.length + 10];
            java.util.Arrays.fill(framed, (byte) 0xFF);
            System.arraycopy(b, 0, framed, 3, b.length);
            assertThat(Utf8.isValid(framed, 3, b.length)).as(HexFormat.of().formatHex(b)).isEqualTo(valid);
            byte[] repaired = Utf8.repaired(b, 0, b.length);
            assertThat(jdkAccepts(repaired)).as(HexFormat.of().formatHex(b)).isTrue();
            if (valid) {
                assertThat(repaired).isEqualTo(b);
            }
        }
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
