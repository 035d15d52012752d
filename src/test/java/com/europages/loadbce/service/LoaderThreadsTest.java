package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A consumer handing a file to a busy loader waits for it, never queues past it, and waits a bounded time. */
class LoaderThreadsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aHandOffToABusyLoaderWaitsUntilItIsFree() throws Exception {
        LoaderThreads loaders = new LoaderThreads(1, Duration.ofMinutes(1), meters);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        AtomicLong secondWaited = new AtomicLong();
        try {
            loaders.execute(() -> await(release));
            Thread submitter = new Thread(() -> loaders.execute(() -> {
                secondWaited.set(LoaderThreads.currentWaitNanos());
                secondRan.countDown();
            }));
            submitter.start();
            submitter.join(500);
            assertThat(submitter.isAlive()).as("the second hand-off waits while the loader is busy").isTrue();
            assertThat(secondRan.getCount()).isEqualTo(1);

            release.countDown();
            submitter.join(10_000);
            assertThat(submitter.isAlive()).isFalse();
            assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
            // the wait is told to the loader thread (for bench day) and to the metrics
            assertThat(Duration.ofNanos(secondWaited.get())).isGreaterThanOrEqualTo(Duration.ofMillis(450));
            assertThat(meters.timer(LoaderThreads.WAIT_TIMER).count()).isEqualTo(2);
            assertThat(meters.timer(LoaderThreads.WAIT_TIMER).max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(450);
            assertThat(LoaderThreads.currentWaitNanos()).as("not on a loader thread").isZero();
        } finally {
            release.countDown();
            loaders.shutdownNow();
        }
    }

    @Test
    void aLoaderBusyLongerThanTheMaximumWaitRejectsTheHandOff() {
        LoaderThreads loaders = new LoaderThreads(1, Duration.ofMillis(300), meters);
        CountDownLatch release = new CountDownLatch(1);
        try {
            loaders.execute(() -> await(release));
            long start = System.nanoTime();
            assertThatThrownBy(() -> loaders.execute(() -> { }))
                    .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("every loader was busy");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        } finally {
            release.countDown();
            loaders.shutdownNow();
        }
    }

    @Test
    void manySubmittersNeverRunMoreTasksAtOnceThanThereAreLoaders() throws Exception {
        LoaderThreads loaders = new LoaderThreads(2, Duration.ofMinutes(1), meters);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Thread[] submitters = new Thread[6];
        try {
            for (int i = 0; i < submitters.length; i++) {
                submitters[i] = new Thread(() -> {
                    for (int j = 0; j < 5; j++) {
                        loaders.execute(() -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            sleep(10);
                            running.decrementAndGet();
                            done.incrementAndGet();
                        });
                    }
                });
                submitters[i].start();
            }
            for (Thread t : submitters) {
                t.join(30_000);
            }
            loaders.shutdown();
            assertThat(loaders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(done.get()).isEqualTo(30);
            assertThat(most.get()).isBetween(1, 2);
        } finally {
            loaders.shutdownNow();
        }
    }

    @Test
    void aShutDownPoolRejectsAtOnce() {
        LoaderThreads loaders = new LoaderThreads(1, Duration.ofMinutes(1), meters);
        loaders.shutdown();
        assertThatThrownBy(() -> loaders.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
