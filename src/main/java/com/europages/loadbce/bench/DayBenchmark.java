package com.europages.loadbce.bench;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.service.PipelineMetrics;
import com.europages.loadbce.service.ServiceRuntime;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.DuckDbTransformSql;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.LocalBceTable;
import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A whole generated day through the embedded pipeline (SQS → S3 → transform → S3 → warehouse) against one DuckDB SQL
 * script doing the same transform and join on the same files; both warehouses must hold the same rows.
 */
public final class DayBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    /** The figures of one run. */
    public record Result(long rows, int files, int consumers, int loadersPerConsumer, double oursSeconds,
                         double scriptSeconds, long rowDiff) {
        public String line() {
            return String.format(Locale.ROOT, "bench day rows=%d files=%d consumers=%d loaders_per_consumer=%d "
                    + "ours_s=%.1f duckdb_script_s=%.1f ratio=%.2f", rows, files, consumers, loadersPerConsumer,
                    oursSeconds, scriptSeconds, oursSeconds / scriptSeconds);
        }
    }

    private DayBenchmark() {
    }

    /** @param config the local profile's configuration; its data folder is replaced by one under {@code dir} */
    public static Result run(AppConfig config, Path dir, long rows, int files, int consumers, PrintStream out)
            throws Exception {
        if (files % 24 != 0) {
            throw new IllegalArgumentException("--files must be a multiple of 24 (files per hour x 24), got " + files);
        }
        if (consumers > 1) {
            // measured first, on a quiet machine: the pipeline's scaling is read against it
            out.printf(Locale.ROOT, "cpu scaling: %d threads of a CPU-bound loop do %.2fx the work of one here "
                    + "(median of 3 rounds): the ceiling of %d consumers over one%n", consumers,
                    CpuScaling.measure(consumers, 3, 2_000), consumers);
        }
        Path scriptDb = dir.resolve("script.duckdb");
        Path source = dir.resolve("generated");
        // a kept --dir holds the last run's files and warehouses: the script would read other files, the pipeline
        // would load into a full warehouse, and the script's table would already exist
        WorkFolder.deleteTree(source);
        WorkFolder.deleteTree(dir.resolve("service"));
        Files.deleteIfExists(scriptDb);
        Files.deleteIfExists(dir.resolve("script.duckdb.wal"));
        long t = System.nanoTime();
        List<Path> paths = new DataFlowGenerator(GeneratorOptions.defaults(1)).generateDay(DAY, source, files / 24, rows);
        Path bce = BceCompanyTable.write(source, 1);
        out.printf(Locale.ROOT, "generated %d rows in %d files in %.1f s%n", rows, paths.size(), (System.nanoTime() - t) / 1e9);

        int loaders = config.getInt("sqs.loaders-per-consumer");
        AppConfig local = config.with(Map.of("app.profile", "local", "app.data-dir", dir.resolve("service").toString(),
                "sqs.concurrent-consumers", Integer.toString(consumers), "sqs.wait-time-s", "1",
                // a connection per load and one for the readiness check
                "warehouse.pool-size", Integer.toString(Math.max(config.getInt("warehouse.pool-size"),
                        consumers * loaders + 1))));
        double ours = runPipeline(local, paths, bce, out);
        Path oursDb = dir.resolve("service").resolve("warehouse.duckdb");
        ColumnContract contract = TransformSettings.from(local).contract();
        double script = runScript(contract, paths, bce, scriptDb, out);
        long diff = compare(contract, local, oursDb, scriptDb);
        if (diff != 0) {
            out.printf("MISMATCH: %d rows differ between the pipeline's warehouse and the script's%n", diff);
        } else {
            out.println("both warehouses hold the same rows (row hashes: EXCEPT ALL both ways empty)");
        }
        return new Result(rows, paths.size(), consumers, loaders, ours, script, diff);
    }

    /** Uploads with the intake stopped (the notifications queue up), then times the intake until all files are loaded. */
    private static double runPipeline(AppConfig config, List<Path> files, Path bce, PrintStream out) throws Exception {
        Clock dayAfter = Clock.fixed(DAY.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        StageClock stages = new StageClock();
        try (ServiceRuntime runtime = ServiceRuntime.create(config, dayAfter)) {
            LocalBceTable.replaceFrom(runtime.warehouse(), bce);
            runtime.bind("stageClock", stages);
            runtime.start();
            runtime.camelContext().getRouteController().stopRoute("intake");
            String bucket = runtime.config().get("intake.bucket");
            String prefix = runtime.config().get("intake.staging-prefix");
            try (S3Client s3 = AwsClients.s3(runtime.config())) {
                for (Path f : files) {
                    s3.putObject(b -> b.bucket(bucket).key(prefix + f.getFileName()), RequestBody.fromFile(f));
                }
            }
            PipelineMetrics metrics = new PipelineMetrics(runtime.meters());
            long start = System.nanoTime();
            double cpu = processCpuSeconds();
            stages.startIntake();
            runtime.camelContext().getRouteController().startRoute("intake");
            while (metrics.count(PipelineMetrics.FILES_LOADED) < files.size()) {
                if (metrics.rejected() > 0) {
                    throw new IllegalStateException("a file was rejected: see the log");
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu = processCpuSeconds() - cpu;
            // the last file's route ends just after its load counts
            for (int i = 0; i < 200 && stages.files() < files.size(); i++) {
                Thread.sleep(50);
            }
            stages.print(out);
            out.printf(Locale.ROOT, "pipeline: %d files loaded in %.1f s, process cpu %.1f s (%.2f cores busy)%n",
                    files.size(), seconds, cpu, cpu / seconds);
            return seconds;
        }
    }

    /** The same day as one DuckDB script: transform every file in one scan, join with the BCE table, into a table. */
    private static double runScript(ColumnContract contract, List<Path> files, Path bce, Path db, PrintStream out)
            throws Exception {
        String select;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(files.get(0)))) {
            select = DuckDbTransformSql.selectAll(contract, r.getFooter().getFileMetaData().getSchema(),
                    files.get(0).getParent().resolve("*.parquet").toString(), "staging/");
        }
        long start = System.nanoTime();
        double cpu = processCpuSeconds();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("CREATE TABLE bce AS SELECT * FROM read_csv('" + bce + "', header = true, columns = {"
                    + "'company_id': 'BIGINT', 'company_name': 'VARCHAR', 'country': 'VARCHAR', 'sector': 'VARCHAR', "
                    + "'employees': 'INTEGER'})");
            s.execute("CREATE TABLE final AS SELECT e.*, c.company_name, c.country AS company_country, "
                    + "c.sector AS company_sector, c.employees AS company_employees, "
                    + "c.company_id IS NOT NULL AS company_matched FROM (" + select
                    + ") e LEFT JOIN bce c ON c.company_id = e.company_id");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = processCpuSeconds() - cpu;
        out.printf(Locale.ROOT, "duckdb script: %.1f s, process cpu %.1f s (%.2f cores busy)%n", seconds, cpu,
                cpu / seconds);
        return seconds;
    }

    /** CPU time of this whole process so far, every thread (DuckDB's native ones too). */
    private static double processCpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * Rows in one warehouse and not the other, both ways, on the contract, company and source_key columns. Rows are
     * compared by their 64-bit hash: EXCEPT ALL over 5M rows of 60 columns took 4 minutes, over their hashes seconds.
     */
    static long compare(ColumnContract contract, AppConfig config, Path oursDb, Path scriptDb) throws SQLException {
        String typed = DuckDbTransformSql.typed(contract, "%s").replace(" FROM %s", "");
        String columns = typed.substring("SELECT ".length())
                + ", company_name, company_country, company_sector, company_employees, company_matched";
        String ours = "SELECT hash(r) FROM (SELECT " + columns + " FROM ours." + config.get("warehouse.final-table") + ") r";
        String theirs = "SELECT hash(r) FROM (SELECT " + columns + " FROM final) r";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + scriptDb); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + oursDb + "' AS ours (READ_ONLY)");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM (" + ours + " EXCEPT ALL " + theirs
                    + ")) + (SELECT count(*) FROM (" + theirs + " EXCEPT ALL " + ours + "))")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
