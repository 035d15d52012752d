package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load route's statements (routes/load.camel.yaml and its SQL files, through its JDBC endpoints and transaction)
 * run through the real Redshift driver against PostgreSQL, with a plain table standing in for the Spectrum external
 * table: the join, per-file idempotency and rollback. The refresh step (Redshift-only DDL) is left out.
 */
@ExtendWith(EmbeddedRedshiftExtension.class)
class RedshiftLoadSqlFidelityTest {

    static final LocalDate DAY = LocalDate.of(2022, 5, 1);
    static final String FILE_A = "staging/dataflow_europages_20220501_13_1.parquet";
    static final String FILE_B = "staging/dataflow_europages_20220501_13_2.parquet";

    static EmbeddedRedshiftStandIn redshift;
    static WarehouseTestTables tables;
    static DriverDataSource dataSource;

    @BeforeAll
    static void standIn(EmbeddedRedshiftStandIn standIn) {
        redshift = standIn;
        tables = new WarehouseTestTables(Map.of("warehouse.dialect", "redshift"));
        // the production DataSource, reaching PostgreSQL through the Redshift driver and the startup proxy
        dataSource = new DriverDataSource(standIn.jdbcUrl() + "?ssl=false", "postgres", "");
    }

    @BeforeEach
    void freshTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getClass().getName()).startsWith("com.amazon.redshift.");
            for (String t : new String[] {"external_table", "final_table", "audit_table", "bce_table"}) {
                s.execute("DROP TABLE IF EXISTS " + tables.names.get(t));
            }
            tables.createTables(c);
            s.execute("CREATE TABLE " + tables.names.get("external_table") + " (" + tables.externalColumnsDdl()
                    + ", dt date)");
            s.execute("INSERT INTO " + tables.names.get("bce_table") + " VALUES (1, 'Dupont SARL', 'FR', 'Machinery', 12)");
            s.execute("INSERT INTO " + tables.names.get("bce_table") + " VALUES (3, 'Rossi S.p.A.', 'IT', 'Textiles', 40)");
        }
        addEvents(FILE_A, 1L, 2L, null);
        addEvents(FILE_B, 3L, 3L);
    }

    /** Rows of one file in the stand-in external table: one event per company id. */
    static void addEvents(String key, Long... companyIds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + tables.names.get("external_table")
                        + " (event_name, event_id, company_id, source_key, dt) VALUES (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (Long id : companyIds) {
                ps.setString(1, "page.display");
                ps.setString(2, Integer.toHexString(key.hashCode()) + "-" + i++);
                ps.setObject(3, id);
                ps.setString(4, key);
                ps.setObject(5, java.sql.Date.valueOf(DAY));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The load route at the given time, without its refresh step. */
    static LoadRoute loader(Instant now) throws Exception {
        return LoadRoute.start(tables.config, WarehouseDialect.REDSHIFT, tables.sql, dataSource,
                Clock.fixed(now, ZoneOffset.UTC), false);
    }

    static LoadResult load(Instant now, String key, long rows) throws Exception {
        try (LoadRoute route = loader(now)) {
            return route.loaded(key, "etag-" + rows, DAY, rows);
        }
    }

    static long count(String where) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return WarehouseTestTables.count(c, "SELECT COUNT(*) FROM " + tables.names.get("final_table") + " WHERE " + where);
        }
    }

    @Test
    void joinKeepsEveryEventAndAddsTheCompanyWhereItExists() throws Exception {
        LoadResult result = load(Instant.parse("2022-05-02T04:00:00Z"), FILE_A, 3);

        assertThat(result.rowsLoaded()).isEqualTo(3);
        assertThat(result.rowsMatched()).isEqualTo(1);
        assertThat(result.rowsUnmatched()).isEqualTo(2);
        assertThat(count("company_id = 1 AND company_name = 'Dupont SARL' AND company_matched")).isEqualTo(1);
        assertThat(count("company_id = 2 AND company_name IS NULL AND NOT company_matched")).isEqualTo(1);
        assertThat(count("company_id IS NULL AND NOT company_matched")).isEqualTo(1);
        assertThat(count("source_key = '" + FILE_A + "' AND source_etag = 'etag-3' AND file_date = '2022-05-01'"))
                .isEqualTo(3);
    }

    @Test
    void loadingAFileAgainReplacesExactlyItsRowsAndItsAuditRow() throws Exception {
        load(Instant.parse("2022-05-02T04:00:00Z"), FILE_A, 3);
        load(Instant.parse("2022-05-02T04:00:00Z"), FILE_B, 2);

        load(Instant.parse("2022-05-02T05:00:00Z"), FILE_A, 3);

        assertThat(count("source_key = '" + FILE_A + "'")).isEqualTo(3);
        assertThat(count("source_key = '" + FILE_A + "' AND loaded_at = '2022-05-02 05:00:00'")).isEqualTo(3);
        assertThat(count("source_key = '" + FILE_B + "' AND loaded_at = '2022-05-02 04:00:00'")).as("other file untouched")
                .isEqualTo(2);
        try (Connection c = dataSource.getConnection()) {
            String audit = tables.names.get("audit_table");
            assertThat(WarehouseTestTables.count(c, "SELECT COUNT(*) FROM " + audit)).isEqualTo(2);
            assertThat(WarehouseTestTables.count(c, "SELECT rows_matched FROM " + audit + " WHERE source_key = '"
                    + FILE_B + "'")).isEqualTo(2);
        }
    }

    @Test
    void aFailingLoadRollsTheWholeFileBack() throws Exception {
        load(Instant.parse("2022-05-02T04:00:00Z"), FILE_A, 3);
        // the external table now disagrees with the transform's row count: the load must refuse and undo its delete
        addEvents(FILE_A, 1L);

        // the transaction's error handler wraps what failed in the route
        assertThatThrownBy(() -> load(Instant.parse("2022-05-02T05:00:00Z"), FILE_A, 3))
                .hasCauseInstanceOf(SQLException.class).hasMessageContaining("inconsistent");

        assertThat(count("source_key = '" + FILE_A + "' AND loaded_at = '2022-05-02 04:00:00'")).isEqualTo(3);
        assertThat(count("source_key = '" + FILE_A + "'")).isEqualTo(3);
    }

    @Test
    void aFailingStatementRollsBackTheStatementsBeforeIt() throws Exception {
        load(Instant.parse("2022-05-02T04:00:00Z"), FILE_A, 3);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the audit insert (the last statement) will now fail
            s.execute("ALTER TABLE " + tables.names.get("audit_table") + " ADD COLUMN required_extra int NOT NULL DEFAULT 0");
            s.execute("ALTER TABLE " + tables.names.get("audit_table") + " ALTER COLUMN required_extra DROP DEFAULT");
        }

        assertThatThrownBy(() -> load(Instant.parse("2022-05-02T05:00:00Z"), FILE_A, 3))
                .hasCauseInstanceOf(SQLException.class).hasMessageContaining("required_extra");

        assertThat(count("source_key = '" + FILE_A + "' AND loaded_at = '2022-05-02 04:00:00'")).isEqualTo(3);
    }
}
