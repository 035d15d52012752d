package com.europages.loadbce.service;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Files done of a total, rows per second and the time left: one line redrawn in place on a terminal, or one line per
 * file when stdout is a file or a pipe (a redrawn line would fill a log with carriage returns).
 */
public final class ProgressBar {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final LongSupplier nanos;
    private final long started;
    private int done;
    private long rows;
    private int drawnLength;

    /** @param total the files expected; 0 when unknown (no percentage, no time left) */
    public ProgressBar(PrintStream out, boolean terminal, int total) {
        this(out, terminal, total, System::nanoTime);
    }

    ProgressBar(PrintStream out, boolean terminal, int total, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    /** A file is done: the bar moves, or a line names the file. */
    public synchronized void fileDone(String name, long fileRows) {
        done++;
        rows += fileRows;
        if (terminal) {
            draw();
        } else {
            int width = String.valueOf(Math.max(total, done)).length();
            out.printf(Locale.ROOT, "[%" + width + "d/%s] %s  %,d rows  %s%n", done, total > 0 ? total : "?", name,
                    fileRows, rates());
        }
    }

    /**
     * Totals counted elsewhere (the metrics) when the files' names are not known: the bar moves, or one line tells how
     * many files are done so far.
     */
    public synchronized void advanceTo(int filesDone, long rowsDone) {
        if (filesDone <= done) {
            return;
        }
        done = filesDone;
        rows = rowsDone;
        if (terminal) {
            draw();
        } else {
            out.printf(Locale.ROOT, "[%d/%s] files done  %,d rows  %s%n", done, total > 0 ? total : "?", rows, rates());
        }
    }

    /** Redraws the terminal line, so the rate and the time left move between files too; off a terminal, nothing. */
    public synchronized void tick() {
        if (terminal) {
            draw();
        }
    }

    /** Ends the terminal line, before the report. */
    public synchronized void finish() {
        if (terminal && drawnLength > 0) {
            out.println();
            drawnLength = 0;
        }
    }

    private void draw() {
        StringBuilder line = new StringBuilder("\r");
        if (total > 0) {
            int filled = (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        }
        line.append(String.format(Locale.ROOT, "%d/%s files  %s", done, total > 0 ? total : "?", rates()));
        int length = line.length();
        // spaces over the rest of a longer previous line
        line.append(" ".repeat(Math.max(0, drawnLength - length)));
        drawnLength = length;
        out.print(line);
        out.flush();
    }

    /** "12% 41,230 rows/s ETA 2m05s"; the time left from the pace of the files done so far. */
    String rates() {
        double seconds = (nanos.getAsLong() - started) / 1e9;
        String rate = String.format(Locale.ROOT, "%,.0f rows/s", seconds > 0 ? rows / seconds : 0.0);
        if (total <= 0) {
            return rate;
        }
        String eta = done == 0 ? "--" : duration(seconds / done * Math.max(0, total - done));
        return String.format(Locale.ROOT, "%3d%%  %s  ETA %s", 100L * Math.min(done, total) / total, rate, eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
