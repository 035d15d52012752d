package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.warehouse.EmbeddedRedshiftExtension;
import com.europages.loadbce.warehouse.EmbeddedRedshiftStandIn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another transaction holds a lock on the final table (PostgreSQL through the real Redshift driver) for 6 s while
 * files arrive: each load's statement is cancelled by the server after warehouse.statement-timeout-s, the load is
 * rolled back and its message retried; once the lock is released every file is loaded exactly once.
 */
@ExtendWith(EmbeddedRedshiftExtension.class)
class WarehouseLockFaultTest {

    static final int STATEMENT_S = 2;
    static final Duration LOCK = Duration.ofSeconds(6);

    @TempDir
    static Path dir;

    static EmbeddedRedshiftStandIn redshift;
    static RedshiftStandInWarehouse warehouse;
    static FileOutcomeLines outcomes;
    static InProcessService service;

    @BeforeAll
    static void start(EmbeddedRedshiftStandIn standIn) throws Exception {
        redshift = standIn;
        warehouse = new RedshiftStandInWarehouse(standIn, dir);
        Map<String, String> settings = new HashMap<>(warehouse.settings(standIn.proxy().port()));
        settings.putAll(Map.of("warehouse.statement-timeout-s", Integer.toString(STATEMENT_S),
                "warehouse.socket-timeout-s", "10", "sqs.visibility-timeout-s", "5", "local.sqs.max-receive-count", "10"));
        outcomes = new FileOutcomeLines();
        service = InProcessService.start(settings, runtime -> {
            try {
                warehouse.createTables(runtime.config());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            outcomes.close();
        }
    }

    long auditRows() {
        try {
            return warehouse.auditRows(service.runtime.config());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void filesArrivingWhileTheFinalTableIsLockedTimeOutRollBackAndLoadOnceAfterwards() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 6_000).subList(0, 8);
        warehouse.stageExternalRows(service.runtime.config(), files, InProcessService.DAY);
        files.subList(0, 4).forEach(service::upload);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> auditRows() == 4);

        // a real lock, taken through the Redshift driver as a vacuum or another writer would hold it
        try (Connection holder = redshift.open(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE " + service.runtime.config().get("warehouse.final-table") + " IN ACCESS EXCLUSIVE MODE");
            files.subList(4, 8).forEach(service::upload);
            await().atMost(Duration.ofSeconds(STATEMENT_S + 10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !outcomes.failed().isEmpty());
            Thread.sleep(LOCK.toMillis()); // the rest of the lock, not an assertion
            assertThat(auditRows()).as("nothing loads while the final table is locked").isEqualTo(4);
            holder.rollback();
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> auditRows() == 8 && service.inputQueueIdle());

        FaultFigure figure = warehouse.compare(service.runtime.config(), "warehouse-lock", files,
                (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        assertThat(outcomes.failed()).as("cancelled by the server's statement_timeout")
                .allMatch(l -> l.contains("statement timeout"));
        // the line's duration also holds the transform, the S3 upload and the refresh before the blocked DELETE, and
        // the wait for the consumer's loader thread, busy with the previous file's blocked DELETE (one statement
        // timeout at most): never the lock's 6 s
        assertThat(outcomes.longestFailureMillis()).as("slowest failure, lines %s", outcomes.failed())
                .isBetween(STATEMENT_S * 1000L, 2 * STATEMENT_S * 1000L + 1_500);
    }
}
