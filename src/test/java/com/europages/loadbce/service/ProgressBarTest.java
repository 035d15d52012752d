package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress: files done of the total, rows/s and time left; one line per file off a terminal, one redrawn line on it. */
class ProgressBarTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressBar bar(boolean terminal, int total) {
        return new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), terminal, total, nanos::get);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offATerminalEachFileIsOneLineWithTheRateAndTimeLeft() {
        ProgressBar bar = bar(false, 4);
        nanos.set(2_000_000_000L);
        bar.fileDone("staging/a.parquet", 1_000);
        nanos.set(4_000_000_000L);
        bar.fileDone("staging/b.parquet", 3_000);

        assertThat(printed().lines()).containsExactly(
                "[1/4] staging/a.parquet  1,000 rows   25%  500 rows/s  ETA 6s",
                "[2/4] staging/b.parquet  3,000 rows   50%  1,000 rows/s  ETA 4s");
    }

    @Test
    void onATerminalOneLineIsRedrawnAndEndedBeforeTheReport() {
        ProgressBar bar = bar(true, 10);
        nanos.set(60_000_000_000L);
        bar.fileDone("staging/a.parquet", 6_000);
        bar.finish();

        assertThat(printed()).isEqualTo("\r[###...........................] 1/10 files   10%  100 rows/s  ETA 9m00s"
                + System.lineSeparator());
    }

    @Test
    void aShorterRedrawCoversTheRestOfTheLongerLine() {
        ProgressBar bar = bar(true, 0);
        nanos.set(1_000_000_000L);
        bar.advanceTo(10, 10_000_000);
        nanos.set(10_000_000_000L);
        bar.advanceTo(11, 10_000_000);

        String[] draws = printed().split("\r");
        assertThat(draws[1]).isEqualTo("10/? files  10,000,000 rows/s");
        assertThat(draws[2]).isEqualTo("11/? files  1,000,000 rows/s ");
    }

    @Test
    void withoutATotalThereIsNoTimeLeft() {
        ProgressBar bar = bar(false, 0);
        nanos.set(1_000_000_000L);
        bar.advanceTo(3, 300);
        bar.advanceTo(3, 300);

        assertThat(printed().lines()).containsExactly("[3/?] files done  300 rows  300 rows/s");
    }
}
