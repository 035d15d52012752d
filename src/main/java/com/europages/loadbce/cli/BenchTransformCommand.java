package com.europages.loadbce.cli;

import com.europages.loadbce.bench.TransformBenchmark;
import com.europages.loadbce.bench.WorkFolder;
import com.europages.loadbce.transform.TransformSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** bench transform: the options of {@link TransformBenchmark}. */
@Command(name = "transform", header = "Our transformer against DuckDB on one generated file",
        description = "Our transformer against DuckDB (threads=1, the same transform as one COPY) on one generated file, alternately, --rounds times; checks that both outputs hold the same rows. Also times DuckDB's plain copy of the file (no conversion: the floor of any transform). Ends with the line 'bench transform rows=.. ours_rows_per_s=.. duckdb_rows_per_s=.. ratio=.. peak_heap_mb=.. duckdb_copy_rows_per_s=.. copy_ratio=.. columns=.. threads=..' (medians; threads: our transformer's, transform.threads).")
public final class BenchTransformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogToFile log;

    long rows;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5000000", description = "Rows of the file (default: ${DEFAULT-VALUE}).")
    void setRows(long value) {
        rows = Usage.atLeast(spec, "--rows", value, 1);
    }

    int rounds;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3", description = "Rounds of each (default: ${DEFAULT-VALUE}).")
    void setRounds(int value) {
        rounds = Usage.atLeast(spec, "--rounds", value, 1);
    }

    int columns;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "0", description = "Extra custom properties of mixed types in the file, each also a contract column (default: ${DEFAULT-VALUE}).")
    void setColumns(int value) {
        columns = Usage.atLeast(spec, "--columns", value, 0);
    }

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder, kept (default: a temp folder, deleted).")
    Path dir;

    @Mixin
    ContractOption contract;

    private final CommandContext context;

    public BenchTransformCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        TransformSettings settings = contract.settings(context);
        Path work = WorkFolder.of(dir, "bench-transform-");
        try {
            return TransformBenchmark.run(context.out(), settings, work, rows, rounds, columns);
        } finally {
            if (dir == null) {
                WorkFolder.deleteTree(work);
            }
        }
    }
}
