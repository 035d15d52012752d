package com.europages.loadbce.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** One scenario's result line, printed and appended to target/fault-figures.txt for the table of docs/reliability.md. */
public record FaultFigure(String scenario, long files, long rows, long duplicates, long losses, double seconds) {

    public String line() {
        return String.format(Locale.ROOT, "FAULT scenario=%s files=%d rows=%d duplicates=%d losses=%d seconds=%.1f",
                scenario, files, rows, duplicates, losses, seconds);
    }

    /** Prints the line; the file keeps every run's figures so the table of docs/reliability.md can be made from the last ones. */
    public FaultFigure print() {
        System.out.println(line());
        try {
            Path out = Path.of("target", "fault-figures.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
