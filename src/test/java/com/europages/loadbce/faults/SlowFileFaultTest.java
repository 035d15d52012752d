package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.service.ServiceRuntime;
import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.warehouse.LoadFigures;
import org.apache.camel.Exchange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file whose load takes three times the visibility timeout: the timeout is extended while it runs, so the file
 * is processed once, never twice at the same time on the other consumer.
 */
class SlowFileFaultTest {

    static final int VISIBILITY_S = 4;
    static final Duration SLOW = Duration.ofSeconds(3L * VISIBILITY_S);

    static InProcessService service;
    static final AtomicInteger slowStarts = new AtomicInteger();
    static final AtomicInteger slowInFlight = new AtomicInteger();
    static final AtomicInteger slowMaxInFlight = new AtomicInteger();
    static volatile String slowFile;

    @BeforeAll
    static void start() throws Exception {
        service = InProcessService.start(Map.of("sqs.concurrent-consumers", "2",
                "sqs.visibility-timeout-s", Integer.toString(VISIBILITY_S)), SlowFileFaultTest::slowLoadOfOneFile);
    }

    /** The load route's first step waits before loading the chosen file, and counts its concurrent runs. */
    static void slowLoadOfOneFile(ServiceRuntime runtime) {
        runtime.bind("loadFigures", new LoadFigures(InProcessService.CLOCK) {
            @Override
            public void start(Exchange exchange) {
                if (!exchange.getMessage().getHeader(Headers.KEY, String.class).endsWith("/" + slowFile)) {
                    super.start(exchange);
                    return;
                }
                slowStarts.incrementAndGet();
                slowMaxInFlight.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(SLOW.toMillis()); // the slowness under test
                    super.start(exchange);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } finally {
                    slowInFlight.decrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aFileSlowerThanTheVisibilityTimeoutIsProcessedOnce() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 6_000);
        slowFile = files.get(0).getFileName().toString();
        files.forEach(service::upload);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.auditRows() == files.size() && service.inputQueueIdle());

        FaultFigure figure = service.truth().compare("slow-file", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(slowStarts.get()).as("the slow file was received once").isEqualTo(1);
        assertThat(slowMaxInFlight.get()).isEqualTo(1);
        assertThat(service.loadedCount()).isEqualTo(files.size());
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
    }
}
