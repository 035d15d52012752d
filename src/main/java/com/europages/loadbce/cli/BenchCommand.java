package com.europages.loadbce.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/** The benchmarks, each printing our figure beside its baseline measured in the same run. */
@Command(name = "bench", header = "Benchmarks against DuckDB, measured in the same run: transform, day",
        description = "Benchmarks: each prints our figure beside its baseline (DuckDB) measured in the same run, and checks that both produce the same rows.")
public final class BenchCommand {

    /** A folder of generated files: --dir (kept), or a temp folder deleted afterwards. */
    static Path workDir(Path dir, String prefix) throws IOException {
        return dir != null ? Files.createDirectories(dir) : Files.createTempDirectory(prefix);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> paths = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
