package com.europages.loadbce.faults;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.ParquetTransformer;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.DuckDbDataSource;
import com.europages.loadbce.warehouse.EmbeddedRedshiftStandIn;
import com.europages.loadbce.warehouse.SqlTemplates;
import com.europages.loadbce.warehouse.WarehouseNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The service's warehouse on the Redshift stand-in (embedded PostgreSQL, reached by the service only through the
 * real Redshift driver). PostgreSQL has no Spectrum: the external table is a plain table that the test fills with
 * the files' transformed rows (our transformer, as the service runs it) before they are uploaded, and the refresh
 * SQL is a statement that only has to run. Everything else is the production load SQL on production connections.
 */
final class RedshiftStandInWarehouse {

    private final EmbeddedRedshiftStandIn standIn;
    private final Path dir;
    private final Path sqlDir;

    RedshiftStandInWarehouse(EmbeddedRedshiftStandIn standIn, Path dir) throws IOException {
        this.standIn = standIn;
        this.dir = dir;
        this.sqlDir = Files.createDirectories(dir.resolve("sql"));
        try (Stream<Path> files = Files.list(Path.of("routes", "sql"))) {
            for (Path f : files.toList()) {
                Files.copy(f, sqlDir.resolve(f.getFileName()));
            }
        }
        Files.writeString(sqlDir.resolve("refresh-redshift.sql"), """
                -- Test stand-in of the Spectrum partition refresh: the external table is a plain table filled by the test.
                SELECT CAST(${dt} AS DATE), ${location}
                """);
    }

    /** The settings that point the service at the stand-in through {@code port} (the startup proxy or a proxy before it). */
    Map<String, String> settings(int port) {
        return Map.of("warehouse.dialect", "redshift",
                "warehouse.url", "jdbc:redshift://127.0.0.1:" + port + "/postgres?ssl=false",
                "warehouse.user", "postgres",
                "warehouse.external-location", "s3://ep-analytics/transformed/",
                "warehouse.sql-dir", sqlDir.toString());
    }

    /** A connection straight to PostgreSQL (PostgreSQL's driver): the test's view, never the service's path. */
    Connection direct() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standIn.postgresPort() + "/postgres",
                "postgres", "");
    }

    /** Fresh schemas and tables for the configuration's names, and the BCE companies of seed 7. */
    void createTables(AppConfig config) throws SQLException, IOException {
        ColumnContract contract = TransformSettings.from(config).contract();
        WarehouseNames names = WarehouseNames.from(config, contract);
        SqlTemplates sql = new SqlTemplates(sqlDir, names.placeholders());
        try (Connection c = direct(); Statement s = c.createStatement()) {
            for (String schema : names.schemas()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            }
            for (String statement : SqlTemplates.statements(sql.sql("bootstrap-duckdb.sql"))) {
                s.execute(statement);
            }
            s.execute("CREATE TABLE " + names.get("external_table") + " (" + contract.columns().stream()
                    .map(col -> col.name() + " " + col.type().sql()).collect(Collectors.joining(", "))
                    + ", source_key varchar(1024), dt date)");
            copyCsv(c, names.get("bce_table") + " (company_id, company_name, country, sector, employees)",
                    BceCompanyTable.write(dir, 7), true);
        }
    }

    /** The files' transformed rows in the stand-in external table, under the keys the service will load them by. */
    void stageExternalRows(AppConfig config, List<Path> files, LocalDate day) throws Exception {
        ParquetTransformer transformer = TransformSettings.from(config).transformer();
        String external = WarehouseNames.from(config, TransformSettings.from(config).contract()).get("external_table");
        try (Connection pg = direct(); Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement d = duck.createStatement()) {
            for (Path file : files) {
                Path out = dir.resolve("transformed-" + file.getFileName());
                Path csv = dir.resolve(file.getFileName() + ".csv");
                transformer.transform(file, out, config.get("intake.staging-prefix") + file.getFileName());
                d.execute("COPY (SELECT *, DATE '" + day + "' FROM read_parquet('" + out + "')) TO '" + csv
                        + "' (HEADER false)");
                copyCsv(pg, external, csv, false);
            }
        }
    }

    private static void copyCsv(Connection pg, String target, Path csv, boolean header) throws SQLException, IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            new CopyManager(pg.unwrap(BaseConnection.class)).copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv"
                    + (header ? ", HEADER true" : "") + ")", in);
        }
    }

    /** Rows in the audit table now. */
    long auditRows(AppConfig config) throws SQLException {
        String audit = WarehouseNames.from(config, TransformSettings.from(config).contract()).get("audit_table");
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + audit)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Compares the stand-in's final and audit tables with the files, by way of a DuckDB copy of the columns compared. */
    FaultFigure compare(AppConfig config, String scenario, List<Path> files, double seconds) throws Exception {
        WarehouseNames names = WarehouseNames.from(config, TransformSettings.from(config).contract());
        Path copy = dir.resolve("truth-" + System.nanoTime() + ".duckdb");
        try (DuckDbDataSource duck = new DuckDbDataSource(copy); Connection d = duck.getConnection();
             Connection pg = direct()) {
            try (Statement s = d.createStatement()) {
                s.execute("CREATE TABLE final_copy (event_id varchar, source_key varchar)");
                s.execute("CREATE TABLE audit_copy (source_key varchar)");
            }
            copyRows(pg, "SELECT event_id, source_key FROM " + names.get("final_table"), d,
                    "INSERT INTO final_copy VALUES (?, ?)", 2);
            copyRows(pg, "SELECT source_key FROM " + names.get("audit_table"), d, "INSERT INTO audit_copy VALUES (?)", 1);
            return new WarehouseTruth(duck, "final_copy", "audit_copy").compare(scenario, files, seconds);
        }
    }

    private static void copyRows(Connection from, String query, Connection to, String insert, int columns)
            throws SQLException {
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery(query);
             PreparedStatement ps = to.prepareStatement(insert)) {
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    ps.setString(i, rs.getString(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
