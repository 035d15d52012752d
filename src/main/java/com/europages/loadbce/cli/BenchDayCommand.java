package com.europages.loadbce.cli;

import com.europages.loadbce.bench.DayBenchmark;
import com.europages.loadbce.bench.WorkFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** bench day: a generated day through the embedded pipeline against one DuckDB script on the same files. */
@Command(name = "day", header = "A generated day through the pipeline against one DuckDB script",
        description = "A generated day through the embedded pipeline (SQS, S3, transform, S3, a DuckDB load per file) against one DuckDB script doing the same transform and join; both warehouses must hold the same rows. Loaders per consumer come from sqs.loaders-per-consumer (env SQS_LOADERS_PER_CONSUMER). Ends with the line 'bench day rows=.. files=.. consumers=.. loaders_per_consumer=.. ours_s=.. duckdb_script_s=.. ratio=..'.")
public final class BenchDayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogToFile log;

    long rows;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5000000", description = "Rows of the day (default: ${DEFAULT-VALUE}).")
    void setRows(long value) {
        rows = Usage.atLeast(spec, "--rows", value, 1);
    }

    int files;

    @Option(names = "--files", paramLabel = "N", defaultValue = "144", description = "Files, a multiple of 24 (default: ${DEFAULT-VALUE}).")
    void setFiles(int value) {
        files = Usage.atLeast(spec, "--files", value, 24);
    }

    int consumers;

    @Option(names = "--consumers", paramLabel = "C", defaultValue = "1", description = "Files processed in parallel (default: ${DEFAULT-VALUE}).")
    void setConsumers(int value) {
        consumers = Usage.atLeast(spec, "--consumers", value, 1);
    }

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder, kept; a run first deletes the files and warehouses the last one left there (default: a temp folder, deleted).")
    Path dir;

    private final CommandContext context;

    public BenchDayCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (files % 24 != 0) {
            throw Usage.error(spec, "--files must be a multiple of 24 (24 hours x files per hour), got " + files);
        }
        Path work = WorkFolder.of(dir, "bench-day-");
        try {
            DayBenchmark.Result r = DayBenchmark.run(context.config(), work, rows, files, consumers, context.out());
            context.out().println(r.line());
            return r.rowDiff() == 0 ? 0 : 1;
        } finally {
            if (dir == null) {
                WorkFolder.deleteTree(work);
            }
        }
    }
}
