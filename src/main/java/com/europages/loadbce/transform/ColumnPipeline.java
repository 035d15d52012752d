package com.europages.loadbce.transform;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Runs the column jobs of one file on worker threads and hands their results back in schema order, holding at most a
 * byte budget of source column chunks in flight (and always at least one job, however large its chunk). Each job gets a
 * worker of its own for as long as it runs (a worker owns what is not thread-safe: a file reader, a compressor). With
 * one worker the jobs run one after the other on the calling thread, as a plain loop would.
 *
 * @param <W> a worker's state
 * @param <R> a job's result
 */
final class ColumnPipeline<W, R> {

    /** One column's work: its source bytes (the budget's unit) and what it computes with a worker. */
    interface Job<W, R> {
        long bytes();

        R run(W worker) throws IOException;
    }

    private final Executor executor;
    private final BlockingQueue<W> idle;
    private final int workers;
    private final int maxInFlight;
    private final long byteBudget;
    private final Deque<Pending<R>> inFlight = new ArrayDeque<>();
    private long bytesInFlight;
    /** Set when the jobs stop: a task the executor starts after that (its cancel came too late) runs no job. */
    private volatile boolean stopped;

    /**
     * @param executor   runs the jobs; ignored with one worker
     * @param workers    the workers' states, one per job that may run at once
     * @param byteBudget most source bytes of the jobs started and not yet taken
     */
    ColumnPipeline(Executor executor, List<W> workers, long byteBudget) {
        this.workers = workers.size();
        this.executor = this.workers == 1 ? Runnable::run : executor;
        this.idle = new ArrayBlockingQueue<>(this.workers, false, workers);
        // one finished result may wait to be taken while every worker runs the next ones
        this.maxInFlight = this.workers == 1 ? 1 : this.workers + 1;
        this.byteBudget = byteBudget;
    }

    /**
     * Results of {@code jobs}, one by one in their order, to {@code sink}. A job's failure is thrown when its turn
     * comes (so the first failing column in schema order is the one reported), after the other jobs stopped.
     */
    void run(List<? extends Job<W, R>> jobs, Sink<R> sink) throws IOException {
        int next = 0;
        try {
            for (int taken = 0; taken < jobs.size(); taken++) {
                while (next < jobs.size() && fits(jobs.get(next).bytes())) {
                    start(jobs.get(next++));
                }
                Pending<R> p = inFlight.removeFirst();
                bytesInFlight -= p.bytes;
                sink.accept(await(p.task));
            }
        } catch (IOException | RuntimeException | Error e) {
            stopAll();
            throw e;
        }
    }

    /** Takes a job's result (in order). */
    interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private boolean fits(long bytes) {
        return inFlight.isEmpty() || (inFlight.size() < maxInFlight && bytesInFlight + bytes <= byteBudget);
    }

    private void start(Job<W, R> job) {
        FutureTask<R> task = new FutureTask<>(() -> {
            W worker = idle.take();
            try {
                if (stopped) {
                    throw new CancellationException("the file's other jobs stopped");
                }
                return job.run(worker);
            } finally {
                idle.add(worker);
            }
        });
        inFlight.addLast(new Pending<>(task, job.bytes()));
        bytesInFlight += job.bytes();
        executor.execute(task);
    }

    private static <R> R await(FutureTask<R> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while transforming");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Cancels the jobs not started; returns once no job runs any more (they hold the workers' readers). */
    private void stopAll() {
        stopped = true;
        for (Pending<R> p : inFlight) {
            p.task.cancel(false);
        }
        inFlight.clear();
        bytesInFlight = 0;
        List<W> back = new ArrayList<>(workers);
        boolean interrupted = false;
        while (back.size() < workers) {
            try {
                back.add(idle.take());
            } catch (InterruptedException e) {
                // a running job ends by itself (CPU-bound work on a local file): wait for it, then keep the interrupt
                interrupted = true;
            }
        }
        idle.addAll(back);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending<R>(FutureTask<R> task, long bytes) {
    }
}
