package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local warehouse file: its connections, row group size and threads, and LEFT JOINs built on their right table. */
class DuckDbDataSourceTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionWorksInTheWarehouseFile() throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (DuckDbDataSource ds = new DuckDbDataSource(file, 16_384, 0)) {
            try (Connection a = ds.getConnection(); Statement s = a.createStatement()) {
                s.execute("CREATE SCHEMA analytics");
                s.execute("CREATE TABLE analytics.t AS SELECT range AS i FROM range(10)");
            }
            try (Connection b = ds.getConnection()) {
                assertThat(count(b, "SELECT count(*) FROM analytics.t")).isEqualTo(10);
            }
        }
        try (DuckDbDataSource reopened = new DuckDbDataSource(file); Connection c = reopened.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM analytics.t")).isEqualTo(10);
        }
    }

    @Test
    void aLoadSizedInsertIsStoredInRowGroupsOfTheConfiguredSize() throws Exception {
        try (DuckDbDataSource ds = new DuckDbDataSource(dir.resolve("w.duckdb"), 16_384, 0);
             Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (i BIGINT, s VARCHAR)");
            c.setAutoCommit(false);
            s.execute("INSERT INTO t SELECT range, 'row ' || range FROM range(40000)");
            c.commit();
            // 40,000 rows: 16,384 + 16,384 + 7,232; DuckDB's default size would keep them in one row group
            assertThat(count(c, "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('t')")).isEqualTo(3);
        }
    }

    @Test
    void aLeftJoinBuildsOnItsRightTableEvenWhenTheFilteredLeftLooksSmaller() throws Exception {
        try (DuckDbDataSource ds = new DuckDbDataSource(dir.resolve("w.duckdb"), 16_384, 1);
             Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE company AS SELECT range AS company_id, 'name ' || range AS name FROM range(20000)");
            s.execute("CREATE TABLE events AS SELECT range % 30000 AS company_id, 'file ' || (range % 10) AS source_key "
                    + "FROM range(50000)");
            // DuckDB's own choice here is RIGHT: a hash table of the events, every column of theirs copied into it
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT e.*, c.name FROM events e LEFT JOIN company c "
                    + "ON c.company_id = e.company_id WHERE e.source_key = 'file 3'")) {
                while (rs.next()) {
                    plan.append(rs.getString(2));
                }
            }
            assertThat(plan.toString()).contains("Join Type: LEFT").doesNotContain("Join Type: RIGHT");
        }
    }

    @Test
    void duckDbRunsWithTheConfiguredThreadsWritesRowGroupsAtInsertAndSpillsNextToTheFile() throws Exception {
        try (DuckDbDataSource ds = new DuckDbDataSource(dir.resolve("w.duckdb"), 16_384, 3);
             Connection c = ds.getConnection()) {
            assertThat(count(c, "SELECT current_setting('threads')")).isEqualTo(3);
            assertThat(count(c, "SELECT current_setting('write_buffer_row_group_count')")).isEqualTo(1);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('temp_directory')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(dir.resolve("w.duckdb.tmp").toAbsolutePath().toString());
            }
        }
    }

    @Test
    void closingTheWarehouseClosesTheConnectionsNobodyClosedAndReleasesTheFile() throws Exception {
        Path file = dir.resolve("w.duckdb");
        Connection forgotten;
        try (DuckDbDataSource ds = new DuckDbDataSource(file, 16_384, 0)) {
            forgotten = ds.getConnection();
            try (Connection closed = ds.getConnection()) {
                closed.createStatement().execute("CREATE TABLE t AS SELECT 42 AS x");
            }
        }
        assertThat(forgotten.isClosed()).isTrue();
        // another process can now take the file: a child JVM, as the fault tests start after setting the file up
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OpenWarehouseFile.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(other.waitFor()).as(output).isZero();
        assertThat(output).contains("x=42");
    }

    /** A second process opening the warehouse file. */
    public static final class OpenWarehouseFile {
        public static void main(String[] args) throws Exception {
            try (DuckDbDataSource ds = new DuckDbDataSource(Path.of(args[0]), 16_384, 1);
                 Connection c = ds.getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT x FROM t")) {
                rs.next();
                System.out.println("x=" + rs.getInt(1));
            }
        }
    }

    @Test
    void aRowGroupSizeDuckDbCannotUseIsRefused() {
        assertThatThrownBy(() -> new DuckDbDataSource(dir.resolve("w.duckdb"), 10_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 2048");
        assertThatThrownBy(() -> new DuckDbDataSource(dir.resolve("w.duckdb"), 245_760, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 122880");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
