package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timestamps and dates load from 0001-01-01 00:00:00 to 9999-12-31 23:59:59.999999; a value outside (an INT96 Julian
 * day far in the future as Spark writes them, an int64 that would overflow in microseconds, a far-out int32 date) is
 * unconvertible in every source encoding, never a wrapped-around timestamp.
 */
class TimestampRangeTest {
    private static final String SCHEMA = """
            message m {
              required int32 id;
              optional int96 t96;
              optional int64 tms (TIMESTAMP(MILLIS,false));
              optional int64 tus (TIMESTAMP(MICROS,true));
              optional int64 tns (TIMESTAMP(NANOS,false));
              optional int32 d (DATE);
              optional binary s (STRING);
            }""";
    private static final String CONTRACT = """
            max_unconvertible_ratio: 1
            columns:
              - {name: id, type: integer}
              - {name: t96, type: timestamp}
              - {name: t96_day, source: t96, type: date}
              - {name: tms, type: timestamp}
              - {name: tus, type: timestamp}
              - {name: tns, type: timestamp}
              - {name: d, type: date}
              - {name: d_ts, source: d, type: timestamp}
              - {name: s, type: timestamp}
            """;
    private static final int JULIAN_0001_01_01 = 1_721_426;
    private static final int JULIAN_9999_12_31 = 5_373_484;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    @TempDir
    Path dir;

    private static Consumer<Group> row(int id, int julianDay, long nanosOfDay, long millis, long micros, long nanos, int day,
                                       String text) {
        return g -> {
            g.add("id", id);
            g.add("t96", ParquetFiles.int96(nanosOfDay, julianDay));
            g.add("tms", millis);
            g.add("tus", micros);
            g.add("tns", nanos);
            g.add("d", day);
            if (text != null) {
                g.add("s", text);
            }
        };
    }

    @Test
    void valuesOutsideYearsOneToNineThousandNineHundredNinetyNineAreUnconvertible() throws Exception {
        long min = Timestamps.MIN_MICROS;
        long max = Timestamps.MAX_MICROS;
        Path in = ParquetFiles.write(dir.resolve("in.parquet"), SCHEMA, List.of(
                row(1, JULIAN_0001_01_01, 0, min / 1000, min, Long.MIN_VALUE, (int) Timestamps.MIN_DAY, "0001-01-01 00:00:00"),
                row(2, JULIAN_9999_12_31, NANOS_PER_DAY - 1000, Math.floorDiv(max, 1000), max, Long.MAX_VALUE,
                        (int) Timestamps.MAX_DAY, "9999-12-31 23:59:59.999999"),
                row(3, JULIAN_9999_12_31 + 1, 0, Math.floorDiv(max, 1000) + 1, max + 1, 0, (int) Timestamps.MAX_DAY + 1,
                        "0000-12-31 23:59:59"),
                row(4, Integer.MAX_VALUE, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, Integer.MAX_VALUE, null),
                row(5, 0, 0, Long.MIN_VALUE, min - 1, 0, Integer.MIN_VALUE, null)));
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(ColumnContract.parse(CONTRACT, "t")).transform(in, out, "k");

        String fill = "1970-01-01 00:00:00";
        try (DuckDb db = new DuckDb()) {
            assertThat(db.strings("SELECT concat_ws(' | ', id, t96, t96_day, tms, tus, tns, d, d_ts, s) FROM read_parquet('"
                    + out + "') ORDER BY id")).containsExactly(
                    "1 | 0001-01-01 00:00:00 | 0001-01-01 | 0001-01-01 00:00:00 | 0001-01-01 00:00:00 | 1677-09-21 00:12:43.145224"
                            + " | 0001-01-01 | 0001-01-01 00:00:00 | 0001-01-01 00:00:00",
                    "2 | 9999-12-31 23:59:59.999999 | 9999-12-31 | 9999-12-31 23:59:59.999 | 9999-12-31 23:59:59.999999"
                            + " | 2262-04-11 23:47:16.854775 | 9999-12-31 | 9999-12-31 00:00:00 | 9999-12-31 23:59:59.999999",
                    "3 | " + fill + " | 1970-01-01 | " + fill + " | " + fill + " | " + fill + " | 1970-01-01 | " + fill + " | " + fill,
                    "4 | " + fill + " | 1970-01-01 | " + fill + " | " + fill + " | " + fill + " | 1970-01-01 | " + fill + " | " + fill,
                    "5 | " + fill + " | 1970-01-01 | " + fill + " | " + fill + " | " + fill + " | 1970-01-01 | " + fill + " | " + fill);
        }
        for (String column : List.of("t96", "t96_day", "tms", "tus", "d", "d_ts")) {
            assertThat(report.columns().get(column)).as(column).isEqualTo(new ColumnCounts(0, 3, 0, 0));
        }
        assertThat(report.columns().get("tns")).isEqualTo(new ColumnCounts(0, 0, 0, 0));
        assertThat(report.columns().get("s")).isEqualTo(new ColumnCounts(2, 1, 0, 0));
    }

    @Test
    void int96DaysOutsideTheRangeDecodeAsOutOfRangeBeforeTheyOverflow() {
        assertThat(SourceCursor.int96Micros(ParquetFiles.int96(0, -1))).isEqualTo(SourceCursor.OUT_OF_RANGE);
        assertThat(SourceCursor.int96Micros(ParquetFiles.int96(0, JULIAN_9999_12_31 + 1))).isEqualTo(SourceCursor.OUT_OF_RANGE);
        assertThat(SourceCursor.int96Micros(ParquetFiles.int96(0, JULIAN_0001_01_01))).isEqualTo(Timestamps.MIN_MICROS);
        assertThat(SourceCursor.millisToMicros(Long.MAX_VALUE)).isEqualTo(SourceCursor.OUT_OF_RANGE);
        assertThat(SourceCursor.millisToMicros(-5)).isEqualTo(-5000);
    }
}
