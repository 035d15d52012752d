package com.europages.loadbce.service;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.warehouse.LocalBceTable;
import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.warehouse.DayCompleteness;
import com.europages.loadbce.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The README's first command: a generated day of yesterday uploaded to the local S3, whose notifications drive the
 * real pipeline, followed file by file until every file is loaded, then a report.
 */
public final class DemoRun {

    /** What the demo did; {@link #ok()} when every file was loaded and none failed. */
    public record Report(LocalDate day, int files, long rowsGenerated, long filesLoaded, long filesFailed,
                         long recordsSkipped, long rowsLoaded, long rowsWithoutCompany, String checksum,
                         double seconds, Path warehouseFile, boolean timedOut, boolean stoppedBySignal,
                         String completeness) {
        public boolean ok() {
            return !timedOut && !stoppedBySignal && filesLoaded == files && filesFailed == 0
                    && rowsLoaded == rowsGenerated;
        }

        public void print(PrintStream out) {
            out.println();
            out.println("=== load-bce-to-s3 demo report ===");
            out.printf("day                          %s%n", day);
            out.printf("files loaded / skipped / failed  %d / %d / %d (of %d uploaded)%n", filesLoaded, recordsSkipped,
                    filesFailed, files);
            out.printf("rows generated               %,d%n", rowsGenerated);
            out.printf("rows in the final table      %,d%n", rowsLoaded);
            out.printf("rows without a company match %,d%n", rowsWithoutCompany);
            out.printf("checksum (no load times, ETags) %s%n", checksum);
            out.println(completeness);
            out.printf("elapsed                      %.1f s%n", seconds);
            out.printf("warehouse (DuckDB file)      %s%n", warehouseFile);
            out.printf("result                       %s%n", ok() ? "OK" : timedOut ? "TIMED OUT"
                    : stoppedBySignal ? "STOPPED by a signal (the files in flight finished; run again to load the rest)"
                    : "FAILED");
        }
    }

    private DemoRun() {
    }

    /** @param terminal stdout is a terminal: the progress bar redraws one line */
    public static Report run(AppConfig config, Clock clock, int filesPerHour, long rows, long seed, Duration timeout,
                             PrintStream out, boolean terminal) throws Exception {
        long started = System.nanoTime();
        LocalDate day = LocalDate.now(clock.withZone(ZoneId.of(config.get("app.time-zone")))).minusDays(1);
        Path generated = config.getPath("app.data-dir").resolve("generated").resolve(day.toString());
        out.printf("Generating %,d rows of %s in %d files under %s%n", rows, day, 24 * filesPerHour, generated);
        List<Path> files = new DataFlowGenerator(GeneratorOptions.defaults(seed)).generateDay(day, generated, filesPerHour, rows);
        Path bce = BceCompanyTable.write(generated, seed);
        try (ServiceRuntime runtime = ServiceRuntime.create(config, clock)) {
            Warehouse warehouse = runtime.warehouse();
            out.printf("BCE company table: %,d companies%n", LocalBceTable.replaceFrom(warehouse, bce));
            runtime.start();
            // Ctrl-C or SIGTERM from here on: the uploads finish, then the files in flight, then the report
            BooleanSupplier stopRequested = runtime.stopOnSignal();
            // audit rows of this run: a re-run replaces the earlier rows of the same files
            LocalDateTime runStart = LocalDateTime.now(clock).withNano(0);
            Set<String> keys = new HashSet<>();
            String bucket = runtime.config().get("intake.bucket");
            String prefix = runtime.config().get("intake.staging-prefix");
            // loads start with the first upload: the rate and the time left count from here
            ProgressBar progress = new ProgressBar(out, terminal, files.size());
            try (S3Client s3 = AwsClients.s3(runtime.config())) {
                for (Path f : files) {
                    String key = prefix + f.getFileName();
                    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(f));
                    keys.add(key);
                }
            }
            out.printf("Uploaded %d files to s3://%s/%s; the local S3 notified the queue of each%n", files.size(),
                    bucket, prefix);
            PipelineMetrics metrics = new PipelineMetrics(runtime.meters());
            boolean followed = followLoads(warehouse, day, keys, runStart, metrics, timeout, progress, stopRequested);
            boolean stopped = stopRequested.getAsBoolean();
            if (stopped) {
                runtime.stopRoutes();
            }
            progress.finish();
            long[] rowsAndUnmatched = totals(warehouse, day, runStart);
            // the demo delivers filesPerHour files each hour, as Piano would intake.expected-files-per-hour
            DayCompleteness completeness = DayCompleteness.read(warehouse, day, filesPerHour, new FileNameRule(
                    config.get("intake.file-name-regex"), config.get("intake.file-date-format")));
            return new Report(day, files.size(), rows, metrics.count(PipelineMetrics.FILES_LOADED),
                    metrics.rejected() + metrics.count(PipelineMetrics.MESSAGES_FAILED), metrics.skipped(),
                    rowsAndUnmatched[0], rowsAndUnmatched[1], checksum(warehouse, day, runStart),
                    (System.nanoTime() - started) / 1e9, warehouse.localFile(), !followed && !stopped, stopped,
                    completeness.summaryLine());
        }
    }

    /**
     * Moves the progress as this run's audit rows appear; true when all are loaded or a file failed, false on timeout
     * or a stop request.
     */
    private static boolean followLoads(Warehouse warehouse, LocalDate day, Set<String> keys, LocalDateTime runStart,
                                       PipelineMetrics metrics, Duration timeout, ProgressBar progress,
                                       BooleanSupplier stopRequested)
            throws SQLException, InterruptedException {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String sql = "SELECT source_key, rows_loaded FROM " + warehouse.names().get("audit_table")
                + " WHERE file_date = ? AND loaded_at >= ? ORDER BY loaded_at";
        while (System.nanoTime() < deadline && seen.size() < keys.size() && metrics.rejected() == 0
                && !stopRequested.getAsBoolean()) {
            try (Connection c = warehouse.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDate(1, Date.valueOf(day));
                ps.setTimestamp(2, Timestamp.valueOf(runStart));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (keys.contains(rs.getString(1)) && seen.add(rs.getString(1))) {
                            progress.fileDone(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            progress.tick();
            Thread.sleep(250);
        }
        return seen.size() == keys.size() || metrics.rejected() > 0;
    }

    /** Rows this run loaded (files of earlier runs with other names stay in the table, and are not counted). */
    private static long[] totals(Warehouse warehouse, LocalDate day, LocalDateTime runStart) throws SQLException {
        String sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN company_matched THEN 0 ELSE 1 END), 0) FROM "
                + warehouse.names().get("final_table") + " WHERE file_date = ? AND loaded_at >= ?";
        try (Connection c = warehouse.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(day));
            ps.setTimestamp(2, Timestamp.valueOf(runStart));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * An order-independent hash of the rows this run loaded, to compare two runs: without loaded_at, and without
     * source_etag, as parquet-hadoop writes the same rows to different bytes in another JVM (it lists a column's
     * encodings in hash-set order), so the generated files' ETags change from one run of the demo to the next.
     */
    static String checksum(Warehouse warehouse, LocalDate day, LocalDateTime runStart) throws SQLException {
        String table = warehouse.names().get("final_table");
        String sql = "SELECT md5(COALESCE(string_agg(h::VARCHAR, ',' ORDER BY h), '')) FROM (SELECT hash(t) AS h FROM "
                + "(SELECT * EXCLUDE (loaded_at, source_etag) FROM " + table + " WHERE file_date = ? AND loaded_at >= ?) t)";
        try (Connection c = warehouse.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(day));
            ps.setTimestamp(2, Timestamp.valueOf(runStart));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
