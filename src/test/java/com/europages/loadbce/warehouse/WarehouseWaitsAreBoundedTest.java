package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.faults.SwitchableTcpProxy;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every warehouse wait from the pool ends within its setting: a statement past the statement timeout is cancelled
 * and its transaction rolled back (DuckDB; PostgreSQL through the Redshift driver, waiting for a real lock), a
 * server that stops answering fails the call within the socket timeout, one that accepts and never answers fails
 * the connect within the connect timeout.
 */
@ExtendWith(EmbeddedRedshiftExtension.class)
class WarehouseWaitsAreBoundedTest {

    static final WarehouseTimeouts SHORT = new WarehouseTimeouts(2, 1, 3, 1);

    static EmbeddedRedshiftStandIn redshift;

    @TempDir
    Path dir;

    @BeforeAll
    static void standIn(EmbeddedRedshiftStandIn standIn) throws SQLException {
        redshift = standIn;
        try (Connection c = standIn.open(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS waits_locked");
            s.execute("CREATE TABLE waits_locked (id int)");
            s.execute("INSERT INTO waits_locked VALUES (1), (2)");
        }
    }

    static HikariDataSource redshiftPool(int port) {
        return WarehousePool.redshift("jdbc:redshift://127.0.0.1:" + port + "/postgres?ssl=false", "postgres", "",
                SHORT, 2);
    }

    @Test
    void aDuckDbStatementPastTheStatementTimeoutIsCancelledAndItsTransactionRolledBack() throws Exception {
        try (DuckDbDataSource file = new DuckDbDataSource(dir.resolve("w.duckdb"));
             HikariDataSource pool = WarehousePool.duckDb(file, SHORT, 2)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (i bigint)");
            }
            long started = System.nanoTime();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO t VALUES (1)");
                }
                // a statement of its own, as camel-jdbc or a loader would create it: the pool sets its timeout
                assertThatThrownBy(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO t SELECT range FROM range(100000000000) WHERE range % 7 = 8");
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("Interrupted");
                c.rollback();
            }
            assertThat(seconds(started)).isLessThan(SHORT.statementSeconds() + 2.0);
            try (Connection c = pool.getConnection()) {
                assertThat(WarehouseTestTables.count(c, "SELECT COUNT(*) FROM t")).as("rolled back").isZero();
            }
        }
    }

    @Test
    void aRedshiftStatementWaitingForALockIsCancelledByTheServerAndRolledBack() throws Exception {
        try (HikariDataSource pool = redshiftPool(redshift.proxy().port());
             Connection holder = redshift.open(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE waits_locked IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            try (Connection c = pool.getConnection()) {
                assertThat(c.unwrap(Connection.class).getClass().getName()).startsWith("com.amazon.redshift.");
                c.setAutoCommit(false);
                assertThatThrownBy(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("DELETE FROM waits_locked WHERE id = 1");
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
                c.rollback();
            }
            assertThat(seconds(started)).isLessThan(SHORT.statementSeconds() + 2.0);
            holder.rollback();
            try (Connection c = pool.getConnection()) {
                assertThat(WarehouseTestTables.count(c, "SELECT COUNT(*) FROM waits_locked")).isEqualTo(2);
            }
        }
    }

    @Test
    void aRedshiftServerThatStopsAnsweringFailsTheCallWithinTheSocketTimeout() throws Exception {
        try (SwitchableTcpProxy link = new SwitchableTcpProxy("127.0.0.1", redshift.proxy().port());
             HikariDataSource pool = redshiftPool(link.port())) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                link.setStalled(true);
                long started = System.nanoTime();
                assertThatThrownBy(() -> s.execute("SELECT 1")).isInstanceOf(SQLException.class);
                assertThat(seconds(started)).isBetween(SHORT.socketSeconds() - 0.5, SHORT.socketSeconds() + 2.0);
            } finally {
                link.setStalled(false);
            }
            try (Connection c = pool.getConnection()) {
                assertThat(WarehouseTestTables.count(c, "SELECT 1")).as("the broken connection was replaced").isOne();
            }
        }
    }

    @Test
    void aRedshiftServerThatAcceptsAndNeverAnswersFailsTheConnectWithinTheConnectTimeout() throws Exception {
        try (SwitchableTcpProxy link = new SwitchableTcpProxy("127.0.0.1", redshift.proxy().port())) {
            link.setStalled(true);
            try (HikariDataSource pool = redshiftPool(link.port())) {
                long started = System.nanoTime();
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
                assertThat(seconds(started)).isLessThan(SHORT.connectSeconds() + 2.0);
            } finally {
                link.setStalled(false);
            }
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / (double) TimeUnit.SECONDS.toNanos(1);
    }
}
