package com.europages.loadbce.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the warehouse answers {@code SELECT 1} within the timeout. */
public final class WarehouseReadinessCheck extends AbstractHealthCheck implements AutoCloseable {

    private final DataSource dataSource;
    private final Duration timeout;
    // a connect that hangs must not hang the health endpoint: the check waits for it at most the timeout
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warehouse-readiness");
        t.setDaemon(true);
        return t;
    });

    public WarehouseReadinessCheck(DataSource dataSource, Duration timeout) {
        super("loadbce", "warehouse");
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CompletableFuture<Void> query = CompletableFuture.runAsync(this::selectOne, executor);
        try {
            query.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            query.cancel(true);
            builder.message("warehouse did not answer SELECT 1 within " + timeout.toMillis() + " ms").down();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IllegalStateException ise && ise.getCause() != null
                    ? ise.getCause() : e.getCause();
            builder.message("warehouse unreachable: " + cause.getMessage()).error(cause).down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("interrupted").down();
        }
    }

    private void selectOne() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
