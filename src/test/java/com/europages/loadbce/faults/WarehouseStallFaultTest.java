package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.warehouse.EmbeddedRedshiftExtension;
import com.europages.loadbce.warehouse.EmbeddedRedshiftStandIn;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * The warehouse (PostgreSQL through the real Redshift driver) accepts connections and stops answering for a while
 * while files arrive: each file fails within warehouse.connect-timeout-s + warehouse.socket-timeout-s, its message
 * is retried, and once the warehouse answers again every file is loaded exactly once.
 */
@ExtendWith(EmbeddedRedshiftExtension.class)
class WarehouseStallFaultTest {

    static final int CONNECT_S = 3;
    static final int SOCKET_S = 4;
    static final Duration STALL = Duration.ofSeconds(6);

    @TempDir
    static Path dir;

    static RedshiftStandInWarehouse warehouse;
    static SwitchableTcpProxy link;
    static FileOutcomeLines outcomes;
    static InProcessService service;

    @BeforeAll
    static void start(EmbeddedRedshiftStandIn standIn) throws Exception {
        warehouse = new RedshiftStandInWarehouse(standIn, dir);
        link = new SwitchableTcpProxy("127.0.0.1", standIn.proxy().port());
        Map<String, String> settings = new HashMap<>(warehouse.settings(link.port()));
        settings.putAll(Map.of("warehouse.connect-timeout-s", Integer.toString(CONNECT_S),
                "warehouse.validation-timeout-s", "1", "warehouse.statement-timeout-s", "2",
                "warehouse.socket-timeout-s", Integer.toString(SOCKET_S),
                "sqs.visibility-timeout-s", "5", "local.sqs.max-receive-count", "10"));
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
    static void stop() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
            if (link != null) {
                link.close();
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
    void filesArrivingWhileTheWarehouseStallsFailWithinTheBoundAndLoadOnceAfterwards() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 6_000).subList(0, 8);
        warehouse.stageExternalRows(service.runtime.config(), files, InProcessService.DAY);
        files.subList(0, 4).forEach(service::upload);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> auditRows() == 4);

        link.setStalled(true);
        files.subList(4, 8).forEach(service::upload);
        await().atMost(Duration.ofSeconds(CONNECT_S + SOCKET_S + 10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !outcomes.failed().isEmpty());
        Thread.sleep(STALL.toMillis()); // the rest of the stall, not an assertion
        assertThat(auditRows()).as("nothing loads while the warehouse stalls").isEqualTo(4);
        link.setStalled(false);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> auditRows() == 8 && service.inputQueueIdle());

        FaultFigure figure = warehouse.compare(service.runtime.config(), "warehouse-stall", files,
                (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        // each file's own wait is bounded by the timeouts; a file's line also holds the wait for its consumer's loader
        // thread, busy with the previous file's stalled load (bounded the same way)
        assertThat(outcomes.longestFailureMillis()).as("slowest failure, lines %s", outcomes.failed())
                .isBetween(1L, 2 * (CONNECT_S + SOCKET_S) * 1000L + 2_000);
    }
}
