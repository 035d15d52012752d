package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each conversion does with good, bad, missing and edge values (truncation, rounding, NaN, overflow, timestamps). */
class ConversionSemanticsTest {
    private static final String SCHEMA = """
            message m {
              required int32 id;
              optional int64 big;
              optional binary txt (STRING);
              optional double dbl;
              optional double money;
              optional binary longtext (STRING);
              optional int96 ts96;
              optional int64 tsnanos (TIMESTAMP(NANOS,false));
              optional binary flag (STRING);
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
              optional float f;
              optional binary day (STRING);
            }""";
    private static final String CONTRACT = """
            max_unconvertible_ratio: 1
            columns:
              - {name: id, type: integer}
              - {name: small, source: big, type: smallint}
              - {name: txt_int, source: txt, type: integer}
              - {name: dbl_big, source: dbl, type: bigint, fill: "-1"}
              - {name: money, type: "decimal(12,2)"}
              - {name: short_text, source: longtext, type: varchar(5)}
              - {name: ts96, type: timestamp}
              - {name: tsnanos, type: timestamp}
              - {name: flag, type: boolean}
              - {name: tags, type: varchar(20), delimiter: "|"}
              - {name: f, type: double precision}
              - {name: day, type: date}
            """;

    @TempDir
    Path dir;

    @Test
    void valuesAreConvertedFilledAndCountedAsSpecified() throws Exception {
        long micros = 1_795_687_872_123_456L; // 2026-11-26 10:11:12.123456 UTC
        List<Consumer<Group>> rows = new ArrayList<>();
        rows.add(g -> {
            g.add("id", 1);
            g.add("big", 1L);
            g.add("txt", "12");
            g.add("dbl", -2.7);
            g.add("money", 0.125);
            g.add("longtext", "ééééé");
            g.add("ts96", Timestamps.int96(micros));
            g.add("tsnanos", micros * 1000 + 789);
            g.add("flag", "YES");
            Group list = g.addGroup("tags");
            list.addGroup("list").add("element", "a");
            list.addGroup("list");
            list.addGroup("list").add("element", "b");
            g.add("f", 1.5f);
            g.add("day", "2026-02-28");
        });
        rows.add(g -> {
            g.add("id", 2);
            g.add("big", 70_000L);
            g.add("txt", " 7 ");
            g.add("dbl", Double.NaN);
            g.add("money", -0.125);
            g.add("longtext", "abc");
            g.add("tsnanos", -1L);
            g.add("flag", "n");
            g.addGroup("tags");
            g.add("f", Float.NaN);
            g.add("day", "2026-02-30");
        });
        rows.add(g -> {
            g.add("id", 3);
            g.add("txt", "12.5");
            g.add("dbl", 1e30);
            g.add("money", 1.005);
            g.add("longtext", "abcdef");
            g.add("flag", "maybe");
            g.add("day", " 2026-01-01 ");
        });
        rows.add(g -> {
            g.add("id", 4);
            g.add("big", -32_768L);
            g.add("txt", "");
            g.add("dbl", 3.99);
            g.add("money", 1e15);
            g.add("flag", " 1 ");
        });
        Path in = ParquetFiles.write(dir.resolve("in.parquet"), SCHEMA, rows);
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(ColumnContract.parse(CONTRACT, "test"))
                .transform(in, out, "staging/in.parquet");

        assertThat(rowsAsText(out)).containsExactly(
                "1,1,12,-2,0.13,éé,2026-11-26 10:11:12.123456,2026-11-26 10:11:12.123456,true,a|b,1.5,2026-02-28",
                "2,0,7,-1,-0.13,abc,1970-01-01 00:00:00,1969-12-31 23:59:59.999999,false,,0.0,1970-01-01",
                "3,0,0,-1,1.00,abcde,1970-01-01 00:00:00,1970-01-01 00:00:00,false,,0.0,2026-01-01",
                "4,-32768,0,3,0.00,,1970-01-01 00:00:00,1970-01-01 00:00:00,true,,0.0,1970-01-01");
        assertThat(report.columns().get("small")).isEqualTo(new ColumnCounts(1, 1, 0, 0));
        assertThat(report.columns().get("txt_int")).isEqualTo(new ColumnCounts(1, 1, 0, 0));
        assertThat(report.columns().get("dbl_big")).isEqualTo(new ColumnCounts(1, 1, 0, 0));
        assertThat(report.columns().get("money")).isEqualTo(new ColumnCounts(0, 1, 0, 0));
        assertThat(report.columns().get("short_text")).isEqualTo(new ColumnCounts(1, 0, 2, 0));
        assertThat(report.columns().get("ts96")).isEqualTo(new ColumnCounts(3, 0, 0, 0));
        assertThat(report.columns().get("flag")).isEqualTo(new ColumnCounts(0, 1, 0, 0));
        assertThat(report.columns().get("tags")).isEqualTo(new ColumnCounts(2, 0, 0, 0));
        assertThat(report.columns().get("day")).isEqualTo(new ColumnCounts(1, 1, 0, 0));
        assertThat(report.rowsIn()).isEqualTo(4);
        assertThat(report.rowsOut()).isEqualTo(4);
    }

    private static List<String> rowsAsText(Path file) throws Exception {
        try (DuckDb db = new DuckDb()) {
            return db.strings("SELECT concat_ws(',', id, small, txt_int, dbl_big, money, short_text, ts96, tsnanos, "
                    + "flag, tags, f, day) FROM read_parquet('" + file + "') ORDER BY id");
        }
    }

    @Test
    void legacyListLayoutsAreJoinedLikeTheStandardOne() throws Exception {
        String schema = """
                message m {
                  required int32 id;
                  optional group two_level (LIST) { repeated binary array (STRING); }
                  repeated binary bare (STRING);
                }""";
        Path in = ParquetFiles.write(dir.resolve("lists.parquet"), schema, List.of(
                g -> {
                    g.add("id", 1);
                    Group list = g.addGroup("two_level");
                    list.add("array", "x");
                    list.add("array", "y");
                    g.add("bare", "p");
                    g.add("bare", "q");
                },
                g -> {
                    g.add("id", 2);
                    g.addGroup("two_level");
                },
                g -> g.add("id", 3)));
        ColumnContract contract = ColumnContract.parse("""
                columns:
                  - {name: id, type: integer}
                  - {name: two_level, type: varchar(10), delimiter: ";"}
                  - {name: bare, type: varchar(10), delimiter: ","}
                """, "t");
        Path out = dir.resolve("lists-out.parquet");

        TransformReport report = new ParquetTransformer(contract).transform(in, out, "k");

        try (DuckDb db = new DuckDb()) {
            assertThat(db.strings("SELECT concat_ws('/', id, two_level, bare) FROM read_parquet('" + out + "') ORDER BY id"))
                    .containsExactly("1/x;y/p,q", "2//", "3//");
        }
        // a null list is replaced; an empty one (or a repeated field without values) is a present ''
        assertThat(report.columns().get("two_level")).isEqualTo(new ColumnCounts(1, 0, 0, 0));
        assertThat(report.columns().get("bare")).isEqualTo(new ColumnCounts(0, 0, 0, 0));
    }

    @Test
    void int96RoundTripsThroughTheDecoder() {
        long micros = -86_400_000_001L;
        Binary b = Timestamps.int96(micros);
        assertThat(SourceCursor.int96Micros(b)).isEqualTo(micros);
    }
}
