package com.europages.loadbce.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.warehouse.ConnectionSource;
import com.europages.loadbce.warehouse.DuckDbDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse readiness check: UP on a working database, DOWN when connecting fails or hangs; never a liveness check. */
class WarehouseReadinessCheckTest {

    @TempDir
    Path dir;

    @Test
    void upWhenTheWarehouseAnswers() throws Exception {
        try (DuckDbDataSource duck = new DuckDbDataSource(dir.resolve("w.duckdb"));
             WarehouseReadinessCheck check = new WarehouseReadinessCheck(duck, Duration.ofSeconds(5))) {
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void downWithTheCauseWhenConnectingFails() {
        try (WarehouseReadinessCheck check = new WarehouseReadinessCheck(
                new FakeDataSource(() -> { throw new SQLException("connection refused"); }), Duration.ofSeconds(5))) {
            HealthCheck.Result result = check.call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("connection refused"));
        }
    }

    @Test
    void downWhenTheWarehouseDoesNotAnswerInTime() {
        CountDownLatch never = new CountDownLatch(1);
        try (WarehouseReadinessCheck check = new WarehouseReadinessCheck(new FakeDataSource(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("interrupted");
        }), Duration.ofMillis(300))) {
            HealthCheck.Result result = check.call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("within 300 ms"));
        }
    }

    @Test
    void isAReadinessCheckOnly() {
        try (WarehouseReadinessCheck check = new WarehouseReadinessCheck(
                new FakeDataSource(() -> { throw new SQLException("x"); }), Duration.ofSeconds(1))) {
            assertThat(check.isReadiness()).isTrue();
            assertThat(check.isLiveness()).isFalse();
        }
    }

    /** How a fake data source gets its connection. */
    interface ConnectionSupplier {
        Connection get() throws SQLException;
    }

    /** A DataSource whose connections come from the supplier. */
    static final class FakeDataSource extends ConnectionSource {
        private final ConnectionSupplier supplier;

        FakeDataSource(ConnectionSupplier supplier) {
            this.supplier = supplier;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return supplier.get();
        }
    }
}
