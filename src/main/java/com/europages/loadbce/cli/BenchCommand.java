package com.europages.loadbce.cli;

import picocli.CommandLine.Command;

/** The benchmarks, each printing our figure beside its baseline measured in the same run. */
@Command(name = "bench", header = "Benchmarks against DuckDB, measured in the same run: transform, day",
        description = "Benchmarks: each prints our figure beside its baseline (DuckDB) measured in the same run, and checks that both produce the same rows.")
public final class BenchCommand {
}
