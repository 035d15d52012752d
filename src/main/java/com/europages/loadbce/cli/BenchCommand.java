package com.europages.loadbce.cli;

import com.europages.loadbce.bench.DayBenchmark;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.DuckDbTransformSql;
import com.europages.loadbce.transform.ParquetTransformer;
import com.europages.loadbce.transform.TransformSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Benchmarks: {@code bench transform} generates one Data Flow file, then runs our transformer and DuckDB (one thread,
 * the same transform as one COPY) on it alternately, checks both outputs hold the same rows, and prints the rates.
 */
public final class BenchCommand implements Command {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "transform [--rows N] [--rounds R] [--dir DIR] [--contract FILE]  |  day [--rows N] [--files N] [--consumers C] [--dir DIR]";
    }

    @Override
    public String summary() {
        return "Benchmark the transformer against DuckDB (threads=1) on a generated file (default 5,000,000 rows)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("rows", "rounds", "dir", "contract", "files", "consumers"), Set.of())
                .expectPositional(1, 1);
        if (options.positional().get(0).equals("day")) {
            return benchDay(options, context);
        }
        if (!options.positional().get(0).equals("transform")) {
            throw new UsageException("unknown benchmark '" + options.positional().get(0) + "' (available: transform, day)");
        }
        long rows = options.getLong("rows", 5_000_000);
        int rounds = options.getInt("rounds", 3);
        if (rows < 1 || rounds < 1) {
            throw new UsageException("--rows and --rounds must be positive");
        }
        TransformSettings settings = TransformCommand.settings(options, context);
        Path dir = options.has("dir") ? Files.createDirectories(Path.of(options.get("dir", null)))
                : Files.createTempDirectory("bench-transform-");
        try {
            return bench(context.out(), settings, dir, rows, rounds);
        } finally {
            if (!options.has("dir")) {
                deleteTree(dir);
            }
        }
    }

    private int bench(PrintStream out, TransformSettings settings, Path dir, long rows, int rounds) throws Exception {
        Path in = dir.resolve(DataFlowGenerator.fileName(DAY, 0, 1));
        String key = "staging/" + in.getFileName();
        long t0 = System.nanoTime();
        new DataFlowGenerator(GeneratorOptions.defaults(1)).writeFile(in, DAY, 0, 1, rows);
        out.printf(Locale.ROOT, "generated %s: %d rows, %.1f MB in %.1f s%n", in, rows, Files.size(in) / 1e6,
                (System.nanoTime() - t0) / 1e9);
        ColumnContract contract = settings.contract();
        ParquetTransformer transformer = settings.transformer();
        MessageType schema;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(in))) {
            schema = r.getFooter().getFileMetaData().getSchema();
        }
        Path ours = dir.resolve("ours.parquet");
        Path theirs = dir.resolve("duckdb.parquet");
        String copy = "COPY (" + DuckDbTransformSql.select(contract, schema, in.toString(), key) + ") TO '"
                + theirs.toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION "
                + settings.compression().name().toLowerCase(Locale.ROOT) + ")";
        double[] oursRate = new double[rounds];
        double[] duckRate = new double[rounds];
        long peakHeap = 0;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            execute(db, "SET threads = 1");
            execute(db, "SET TimeZone = 'UTC'");
            for (int round = 0; round < rounds; round++) {
                System.gc();
                long s = System.nanoTime();
                try (HeapSampler heap = new HeapSampler()) {
                    transformer.transform(in, ours, key);
                    peakHeap = Math.max(peakHeap, heap.peakBytes());
                }
                double oursSeconds = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                execute(db, copy);
                double duckSeconds = (System.nanoTime() - s) / 1e9;
                oursRate[round] = rows / oursSeconds;
                duckRate[round] = rows / duckSeconds;
                out.printf(Locale.ROOT, "round %d: ours %.2f s (%.0f rows/s), duckdb %.2f s (%.0f rows/s)%n", round + 1,
                        oursSeconds, oursRate[round], duckSeconds, duckRate[round]);
            }
            execute(db, "SET threads = 2");
            long diff = count(db, "SELECT (SELECT count(*) FROM (" + typed(contract, ours) + " EXCEPT ALL " + typed(contract, theirs)
                    + ")) + (SELECT count(*) FROM (" + typed(contract, theirs) + " EXCEPT ALL " + typed(contract, ours) + "))");
            long outRows = count(db, "SELECT count(*) FROM read_parquet('" + ours + "')");
            if (diff != 0 || outRows != rows) {
                out.printf("MISMATCH: %d rows differ between our output and DuckDB's (our output has %d rows)%n", diff, outRows);
                return 1;
            }
            out.println("outputs hold the same rows (EXCEPT ALL both ways empty)");
        }
        double x = median(oursRate);
        double y = median(duckRate);
        out.printf(Locale.ROOT, "bench transform rows=%d ours_rows_per_s=%.0f duckdb_rows_per_s=%.0f ratio=%.2f peak_heap_mb=%d%n",
                rows, x, y, x / y, peakHeap / (1024 * 1024));
        return 0;
    }

    /** bench day: a generated day through the embedded pipeline against one DuckDB script on the same files. */
    private int benchDay(Options options, CommandContext context) throws Exception {
        long rows = options.getLong("rows", 5_000_000);
        int files = options.getInt("files", 144);
        int consumers = options.getInt("consumers", 1);
        if (rows < 1 || files < 24 || files % 24 != 0 || consumers < 1) {
            throw new UsageException("--rows must be positive, --files a multiple of 24, --consumers at least 1");
        }
        Path dir = options.has("dir") ? Files.createDirectories(Path.of(options.get("dir", null)))
                : Files.createTempDirectory("bench-day-");
        try {
            DayBenchmark.Result r = DayBenchmark.run(context.config(), dir, rows, files, consumers, context.out());
            context.out().println(r.line());
            return r.rowDiff() == 0 ? 0 : 1;
        } finally {
            if (!options.has("dir")) {
                deleteTree(dir);
            }
        }
    }

    private static String typed(ColumnContract contract, Path file) {
        return DuckDbTransformSql.typed(contract, "read_parquet('" + file.toString().replace("'", "''") + "')");
    }

    private static void execute(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Samples the used heap every few milliseconds while our transform runs: its peak, garbage included. */
    private static final class HeapSampler implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peakBytes() {
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
