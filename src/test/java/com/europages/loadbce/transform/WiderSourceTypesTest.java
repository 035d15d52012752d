package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source types once refused for the whole file convert value by value: UINT_64 (a value of 2^63 or more does not fit a
 * bigint or decimal and is unconvertible), FLOAT16 (as real or double), decimals of any precision (a value that fits
 * the target converts exactly, one that does not is unconvertible). Checked against DuckDB, which reads all three.
 */
class WiderSourceTypesTest {
    private static final String SCHEMA = """
            message m {
              required int32 id;
              optional int64 u (INTEGER(64,false));
              optional fixed_len_byte_array(2) h (FLOAT16);
              optional fixed_len_byte_array(16) d (DECIMAL(38,10));
            }""";
    private static final ColumnContract CONTRACT = ColumnContract.parse("""
            max_unconvertible_ratio: 1
            columns:
              - {name: id, type: integer}
              - {name: u_big, source: u, type: bigint}
              - {name: u_text, source: u, type: varchar(30)}
              - {name: u_dbl, source: u, type: double precision}
              - {name: u_real, source: u, type: real}
              - {name: u_dec, source: u, type: "decimal(18,0)"}
              - {name: h_real, source: h, type: real}
              - {name: h_dbl, source: h, type: double precision}
              - {name: h_int, source: h, type: integer}
              - {name: d_dec, source: d, type: "decimal(12,2)"}
              - {name: d_big, source: d, type: bigint}
              - {name: d_text, source: d, type: varchar(60)}
            """, "t");

    @TempDir
    Path dir;

    private static Binary half(int bits) {
        return ParquetFiles.bytes(bits & 0xFF, bits >>> 8);
    }

    private static Binary decimal38(String value) {
        byte[] be = new BigDecimal(value).setScale(10).unscaledValue().toByteArray();
        byte[] fixed = new byte[16];
        Arrays.fill(fixed, be[0] < 0 ? (byte) 0xFF : 0);
        System.arraycopy(be, 0, fixed, 16 - be.length, be.length);
        return Binary.fromConstantByteArray(fixed);
    }

    private Path input() throws Exception {
        Object[][] values = {
                {5L, 0x3C00, "1.5"},
                {-1L, 0x7BFF, "1234567890.125"}, // 2^64 - 1; 65504, the largest half; an unscaled value above 2^63
                {Long.MIN_VALUE, 0x7E00, "9999999999999999999999999999.9999999999"}, // 2^63; NaN
                {Long.MAX_VALUE, 0xB800, "-0.0000000001"}, // -0.5
                {null, 0x0001, "-1234567890.005"}, // the smallest subnormal half
                {3L, 0xFC00, null}}; // -infinity
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Object[] v = values[i];
            int id = i + 1;
            rows.add(g -> {
                g.add("id", id);
                if (v[0] != null) {
                    g.add("u", (long) v[0]);
                }
                g.add("h", half((int) v[1]));
                if (v[2] != null) {
                    g.add("d", decimal38((String) v[2]));
                }
            });
        }
        return ParquetFiles.write(dir.resolve("wide.parquet"), SCHEMA, rows);
    }

    @Test
    void unsignedHalfAndWideDecimalValuesConvertOneByOne() throws Exception {
        Path in = input();
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(CONTRACT).transform(in, out, "k");

        try (DuckDb db = new DuckDb()) {
            assertThat(db.strings("SELECT concat_ws(' ', id, u_big, u_text, u_dec, h_int, d_dec, d_big, d_text) FROM read_parquet('"
                    + out + "') ORDER BY id")).containsExactly(
                    "1 5 5 5 1 1.50 1 1.5000000000",
                    "2 0 18446744073709551615 0 65504 1234567890.13 1234567890 1234567890.1250000000",
                    "3 0 9223372036854775808 0 0 0.00 0 9999999999999999999999999999.9999999999",
                    "4 9223372036854775807 9223372036854775807 0 0 0.00 0 -0.0000000001",
                    "5 0  0 0 -1234567890.01 -1234567890 -1234567890.0050000000",
                    "6 3 3 3 0 0.00 0 ");
            TransformOracle.assertMatches(db, CONTRACT, in, out, report, "k");
        }
        assertThat(report.columns().get("u_big")).isEqualTo(new ColumnCounts(1, 2, 0, 0));
        assertThat(report.columns().get("u_dec")).isEqualTo(new ColumnCounts(1, 3, 0, 0));
        assertThat(report.columns().get("h_int")).isEqualTo(new ColumnCounts(1, 1, 0, 0));
        assertThat(report.columns().get("d_dec")).isEqualTo(new ColumnCounts(1, 1, 0, 0));
    }

    @Test
    void halfPrecisionDecodesExactly() {
        assertThat(SourceCursor.float16(half(0x3C00))).isEqualTo(1.0);
        assertThat(SourceCursor.float16(half(0xC000))).isEqualTo(-2.0);
        assertThat(SourceCursor.float16(half(0x7BFF))).isEqualTo(65504.0);
        assertThat(SourceCursor.float16(half(0x0001))).isEqualTo(Math.scalb(1.0, -24));
        assertThat(SourceCursor.float16(half(0x03FF))).isEqualTo(1023 * Math.scalb(1.0, -24));
        assertThat(SourceCursor.float16(half(0x3555))).isEqualTo(0.333251953125);
        assertThat(SourceCursor.float16(half(0x7C00))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SourceCursor.float16(half(0x7E00))).isNaN();
    }

    @Test
    void typesStillRefusedNameTheColumnTheFileAndTheType() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("interval.parquet"), "message m { optional fixed_len_byte_array(12) i (INTERVAL); }",
                List.of(g -> g.add("i", Binary.fromConstantByteArray(new byte[12]))));
        ColumnContract contract = ColumnContract.parse("columns: [{name: i, type: varchar(20)}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, dir.resolve("o.parquet"), "staging/i.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessage("Column 'i' of staging/i.parquet has type 'optional fixed_len_byte_array(12) i (INTERVAL)': "
                        + "this physical/logical type cannot be converted");
    }
}
