package com.europages.loadbce.cli;

import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Writes a day of sample Data Flow files and the matching BCE company table, for developing routes locally. */
public final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "--date YYYY-MM-DD --out DIR [--files-per-hour N] [--rows N] [--seed S]";
    }

    @Override
    public String summary() {
        return "Write seeded Piano-like Data Flow files of a day (--rows in all, default 240000) and bce_companies.csv";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("date", "out", "files-per-hour", "rows", "seed"), Set.of())
                .expectPositional(0, 0);
        if (!options.has("date") || !options.has("out")) {
            throw new UsageException("--date and --out are required");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(options.get("date", null));
        } catch (DateTimeParseException e) {
            throw new UsageException("--date must be YYYY-MM-DD, got '" + options.get("date", null) + "'");
        }
        int filesPerHour = options.getInt("files-per-hour", 1);
        long rows = options.getLong("rows", 240_000);
        long seed = options.getLong("seed", 1);
        if (filesPerHour < 1 || rows < 0) {
            throw new UsageException("--files-per-hour must be at least 1 and --rows not negative");
        }
        Path out = Path.of(options.get("out", null));
        long started = System.nanoTime();
        List<Path> files = new DataFlowGenerator(GeneratorOptions.defaults(seed)).generateDay(day, out, filesPerHour, rows);
        Path bce = BceCompanyTable.write(out, seed);
        context.out().printf("Wrote %d Data Flow files (%d rows) and %s to %s in %.1f s%n", files.size(), rows,
                bce.getFileName(), out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
