package com.europages.loadbce.cli;

import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a day of sample Data Flow files and the matching BCE company table, for developing routes locally. */
@Command(name = "generate", header = "Write seeded Piano-like Data Flow files of a day and bce_companies.csv",
        description = "Write seeded Piano-like Data Flow files of a day (24 x --files-per-hour files, named as the default file-name regex expects) and the matching bce_companies.csv. Same seed, same bytes.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WarningsToStderr log;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day of the events.")
    LocalDate date;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (created).")
    Path out;

    int filesPerHour;

    @Option(names = "--files-per-hour", paramLabel = "N", defaultValue = "1", description = "Files per hour (default: ${DEFAULT-VALUE}).")
    void setFilesPerHour(int value) {
        filesPerHour = Usage.atLeast(spec, "--files-per-hour", value, 1);
    }

    long rows;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "240000", description = "Rows of the day, in all (default: ${DEFAULT-VALUE}).")
    void setRows(long value) {
        rows = Usage.atLeast(spec, "--rows", value, 0);
    }

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    int columns;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "0", description = "Extra custom properties of mixed types, as Piano flows carry hundreds (default: ${DEFAULT-VALUE}).")
    void setColumns(int value) {
        columns = Usage.atLeast(spec, "--columns", value, 0);
    }

    private final CommandContext context;

    public GenerateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        List<Path> files = new DataFlowGenerator(GeneratorOptions.defaults(seed).withCustomColumns(columns)).generateDay(date, out, filesPerHour, rows);
        Path bce = BceCompanyTable.write(out, seed);
        context.out().printf("Wrote %d Data Flow files (%d rows) and %s to %s in %.1f s%n", files.size(), rows,
                bce.getFileName(), out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
