package com.europages.loadbce.bench;

import com.europages.loadbce.sample.CustomProperties;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.ContractColumn;
import com.europages.loadbce.transform.DuckDbTransformSql;
import com.europages.loadbce.transform.ParquetTransformer;
import com.europages.loadbce.transform.TargetType;
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
import java.util.List;
import java.util.Locale;

/**
 * Generates one Data Flow file, then runs our transformer, DuckDB (one thread, the same transform as one COPY) and
 * DuckDB's plain copy of the file (no conversion: the floor of any transform) on it in turn, checks our output and
 * DuckDB's hold the same rows, and prints the medians of the rates.
 */
public final class TransformBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private TransformBenchmark() {
    }

    /**
     * @param customColumns extra custom properties in the generated file, each also a column of the contract
     * @return 0 when both outputs hold the same rows, 1 otherwise
     */
    public static int run(PrintStream out, TransformSettings settings, Path dir, long rows, int rounds,
                          int customColumns) throws Exception {
        Path in = dir.resolve(DataFlowGenerator.fileName(DAY, 0, 1));
        String key = "staging/" + in.getFileName();
        long t0 = System.nanoTime();
        DataFlowGenerator generator = new DataFlowGenerator(GeneratorOptions.defaults(1).withCustomColumns(customColumns));
        generator.writeFile(in, DAY, 0, 1, rows);
        out.printf(Locale.ROOT, "generated %s: %d rows, %d columns, %.1f MB in %.1f s%n", in, rows,
                generator.schema().getFieldCount(), Files.size(in) / 1e6, (System.nanoTime() - t0) / 1e9);
        ColumnContract contract = withCustomProperties(settings.contract(), customColumns);
        ParquetTransformer transformer = new ParquetTransformer(contract, settings.compression(), settings.threads());
        Path ours = dir.resolve("ours.parquet");
        Path theirs = dir.resolve("duckdb.parquet");
        Path copied = dir.resolve("duckdb-copy.parquet");
        String codec = settings.compression().name().toLowerCase(Locale.ROOT);
        String copy = "COPY (" + DuckDbTransformSql.select(contract, generator.schema(), in.toString(), key) + ") TO '"
                + theirs.toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION " + codec + ")";
        // the floor of any transform: read the file and write it again, converting nothing
        String plainCopy = "COPY (SELECT * FROM read_parquet('" + in.toString().replace("'", "''") + "')) TO '"
                + copied.toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION " + codec + ")";
        double[] oursRate = new double[rounds];
        double[] duckRate = new double[rounds];
        double[] copyRate = new double[rounds];
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
                s = System.nanoTime();
                execute(db, plainCopy);
                double copySeconds = (System.nanoTime() - s) / 1e9;
                oursRate[round] = rows / oursSeconds;
                duckRate[round] = rows / duckSeconds;
                copyRate[round] = rows / copySeconds;
                out.printf(Locale.ROOT, "round %d: ours %.2f s (%.0f rows/s), duckdb %.2f s (%.0f rows/s), "
                                + "duckdb plain copy %.2f s (%.0f rows/s)%n", round + 1, oursSeconds, oursRate[round],
                        duckSeconds, duckRate[round], copySeconds, copyRate[round]);
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
        double z = median(copyRate);
        out.printf(Locale.ROOT, "bench transform rows=%d ours_rows_per_s=%.0f duckdb_rows_per_s=%.0f ratio=%.2f "
                        + "peak_heap_mb=%d duckdb_copy_rows_per_s=%.0f copy_ratio=%.2f columns=%d threads=%d%n",
                rows, x, y, x / y, peakHeap / (1024 * 1024), z, x / z, contract.columns().size(), settings.threads());
        return 0;
    }

    /** The contract with one column per custom property, of the type a data engineer would give it. */
    static ColumnContract withCustomProperties(ColumnContract contract, int count) {
        List<ContractColumn> extra = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = CustomProperties.name(i);
            extra.add(ContractColumn.of(name, name, TargetType.parse(CustomProperties.kind(i).contractType()), null, null));
        }
        return count == 0 ? contract : contract.withColumns(extra);
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
    static final class HeapSampler implements AutoCloseable {
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

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
