package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.service.ServiceRuntime;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.LoadFigures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One consumer transforms its next file while its last ones load (route "transform" hands each load to one of its
 * loader threads, two here), yet a file's SQS message stays in flight until that file is loaded, and a consumer never
 * runs ahead by more than its loaders.
 */
class LoadOverlapsNextTransformTest {

    static InProcessService service;
    static final CountDownLatch releaseHeldLoads = new CountDownLatch(1);
    static final CountDownLatch heldLoadsStarted = new CountDownLatch(2);
    static final Set<String> held = ConcurrentHashMap.newKeySet();
    static final Set<String> transformed = ConcurrentHashMap.newKeySet();
    static final AtomicInteger loadsAtOnce = new AtomicInteger();
    static final AtomicInteger maxLoadsAtOnce = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        service = InProcessService.start(Map.of("sqs.concurrent-consumers", "1", "sqs.loaders-per-consumer", "2",
                "sqs.visibility-timeout-s", "5"), LoadOverlapsNextTransformTest::probes);
    }

    /**
     * Records each transformed file; holds the loads of the files in {@link #held} until the test releases them; counts
     * loads at once.
     */
    static void probes(ServiceRuntime runtime) {
        ParquetTransformProcessor transform = new ParquetTransformProcessor(
                TransformSettings.from(runtime.config()).transformer(), null);
        runtime.bind("parquetTransform", (org.apache.camel.Processor) exchange -> {
            transform.process(exchange);
            transformed.add(fileName(exchange));
        });
        runtime.bind("loadFigures", new LoadFigures(InProcessService.CLOCK) {
            @Override
            public void start(Exchange exchange) {
                maxLoadsAtOnce.accumulateAndGet(loadsAtOnce.incrementAndGet(), Math::max);
                try {
                    if (held.contains(fileName(exchange))) {
                        heldLoadsStarted.countDown();
                        assertThat(releaseHeldLoads.await(2, TimeUnit.MINUTES)).as("released by the test").isTrue();
                    }
                    super.start(exchange);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } finally {
                    loadsAtOnce.decrementAndGet();
                }
            }
        });
    }

    static String fileName(Exchange exchange) {
        String key = exchange.getMessage().getHeader(Headers.KEY, String.class);
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @AfterAll
    static void stop() {
        releaseHeldLoads.countDown();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void twoLoadsRunWhileTheNextFileTransformsAndEachMessageWaitsForItsLoad() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 4_800).subList(0, 4);
        files.subList(0, 2).forEach(f -> held.add(f.getFileName().toString()));
        service.upload(files.get(0));
        service.upload(files.get(1));
        // one consumer, two loads at once: each of its loaders holds one file
        assertThat(heldLoadsStarted.await(1, TimeUnit.MINUTES)).as("both held loads started").isTrue();

        files.subList(2, 4).forEach(service::upload);
        Set<String> lastTwo = Set.of(files.get(2).getFileName().toString(), files.get(3).getFileName().toString());
        await().atMost(Duration.ofMinutes(1)).until(() -> transformed.stream().anyMatch(lastTwo::contains));
        // both loads are still running: their messages, and the third file's, are held, not deleted
        assertThat(service.auditRows()).isZero();
        assertThat(inFlight()).isEqualTo(3);
        // as many files ahead as loaders at most: the fourth waits on the queue until a loader is free
        Thread.sleep(2_000);
        assertThat(transformed.stream().filter(lastTwo::contains)).hasSize(1);

        releaseHeldLoads.countDown();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.auditRows() == files.size() && service.inputQueueIdle());
        FaultFigure figure = service.truth().compare("load-overlap", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(maxLoadsAtOnce.get()).as("loads at once with one consumer of two loaders").isEqualTo(2);
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
    }

    private static int inFlight() {
        return Integer.parseInt(service.sqs.getQueueAttributes(b -> b.queueUrl(service.queueUrl("sqs.queue-name"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
