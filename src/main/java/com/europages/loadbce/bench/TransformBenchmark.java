package com.europages.loadbce.bench;

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
import java.util.Arrays;
import java.util.Locale;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * bench transform: generates one Data Flow file, then runs our transformer and DuckDB (one thread, the same transform
 * as one COPY) on it alternately, checks both outputs hold the same rows, and prints the rates.
 */
public final class TransformBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private TransformBenchmark() {
    }

    /** Prints each round and the final line; 1 when the two outputs differ. */
    public static int run(TransformSettings settings, Path dir, long rows, int rounds, PrintStream out) throws Exception {
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
}
