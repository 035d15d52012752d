package com.europages.loadbce.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads route "transform" hands a transformed file to (its {@code threads} step), {@code sqs.loaders-per-consumer}
 * per consumer: a consumer takes its next message while its last files are uploaded and loaded, and with every loader
 * busy it waits for one instead of queueing more files, so the messages held never outnumber consumers plus loaders and
 * the loads at once never outnumber the loaders (nor the warehouse connections sized for them).
 */
public final class LoaderThreads extends ThreadPoolExecutor {

    public static final String WAIT_TIMER = "loadbce.loader.wait";

    /** Idle loaders end after this (daemon threads: a stopped service leaves none behind for long). */
    private static final long IDLE_SECONDS = 30;

    /** On a loader thread, while it runs a hand-off: how long its consumer waited for it. */
    private static final ThreadLocal<Long> WAITED_NANOS = new ThreadLocal<>();

    private final Timer waits;

    /**
     * @param loaders consumers x loaders per consumer
     * @param maxWait how long a consumer waits for a free loader; after that it uploads and loads the file itself
     *                (the {@code threads} step's caller-runs fallback), so a stuck loader never holds a message back
     */
    public LoaderThreads(int loaders, Duration maxWait, MeterRegistry meters) {
        super(loaders, loaders, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons(),
                (task, pool) -> waitForALoader(task, pool, maxWait));
        allowCoreThreadTimeOut(true);
        this.waits = Timer.builder(WAIT_TIMER)
                .description("Time a consumer waited for a free loader thread (the loads are the bottleneck)")
                .register(meters);
    }

    /** On the loader thread running a hand-off: how long its consumer waited for a free loader; else 0. */
    public static long currentWaitNanos() {
        Long waited = WAITED_NANOS.get();
        return waited == null ? 0 : waited;
    }

    @Override
    public void execute(Runnable task) {
        long handedOver = System.nanoTime();
        super.execute(() -> {
            long waited = System.nanoTime() - handedOver;
            waits.record(waited, TimeUnit.NANOSECONDS);
            WAITED_NANOS.set(waited);
            try {
                task.run();
            } finally {
                WAITED_NANOS.remove();
            }
        });
    }

    private static void waitForALoader(Runnable task, ThreadPoolExecutor pool, Duration maxWait) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the loader threads are shut down");
        }
        try {
            if (!pool.getQueue().offer(task, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RejectedExecutionException("every loader was busy for " + maxWait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for a loader", e);
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "load-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
