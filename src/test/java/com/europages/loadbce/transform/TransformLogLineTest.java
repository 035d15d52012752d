package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file's INFO line carries only its totals, however many columns; the per-column counts are on the DEBUG line. */
class TransformLogLineTest {

    /** A report of a 300-column contract where every column had something replaced. */
    private static TransformReport wideReport(List<String> dropped, long invalidUtf8) {
        Map<String, ColumnCounts> columns = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            columns.put("column_" + i, new ColumnCounts(2, 1, 0, i == 0 ? invalidUtf8 : 0));
        }
        return new TransformReport("staging/f.parquet", Path.of("out.parquet"), 1000, 1000, 1, 1, dropped, List.of(),
                columns, 42);
    }

    @Test
    void theInfoLineHoldsTheTotalsOnly() {
        assertThat(wideReport(List.of(), 0).logLine()).isEqualTo(
                "transformed staging/f.parquet rows=1000 replaced=600 unconvertible=300 truncated=0 ms=42");
    }

    @Test
    void schemaDriftAndInvalidUtf8AreCountedWhenThereIsSome() {
        assertThat(wideReport(List.of("extra_a", "extra_b"), 3).logLine()).isEqualTo(
                "transformed staging/f.parquet rows=1000 replaced=600 unconvertible=300 truncated=0 invalid_utf8=3 "
                        + "dropped=2 ms=42");
    }

    @Test
    void theDebugLineNamesEachColumnWithCounts() {
        String line = wideReport(List.of("extra_a"), 3).columnsLine();

        assertThat(line).startsWith("transformed staging/f.parquet rows_in=1000 dropped=[extra_a] filled=[] columns={")
                .contains("column_0:r=2,u=1,t=0,i=3", "column_299:r=2,u=1,t=0");
    }
}
