package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Column jobs run in parallel come back in their order, within the byte budget, and a failure stops them all. */
class ColumnPipelineTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final AtomicLong bytesRunning = new AtomicLong();
    private final AtomicLong mostBytesRunning = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A job sleeping longer the earlier it comes, so later ones finish first; fails when {@code fails}. */
    private ColumnPipeline.Job<String, Integer> job(int index, long bytes, boolean fails) {
        return new ColumnPipeline.Job<>() {
            @Override
            public long bytes() {
                return bytes;
            }

            @Override
            public Integer run(String worker) {
                mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                mostBytesRunning.accumulateAndGet(bytesRunning.addAndGet(bytes), Math::max);
                try {
                    Thread.sleep(Math.max(0, 20 - index));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    bytesRunning.addAndGet(-bytes);
                    running.decrementAndGet();
                }
                if (fails) {
                    throw new TransformException("job " + index + " failed");
                }
                return index;
            }
        };
    }

    @Test
    void resultsComeInTheJobsOrderWhateverOrderTheyFinishIn() throws Exception {
        List<ColumnPipeline.Job<String, Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(job(i, 10, false));
        }
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());

        new ColumnPipeline<String, Integer>(pool, List.of("a", "b", "c"), 1_000).run(jobs, results::add);

        assertThat(results).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(mostRunning.get()).isBetween(2, 3);
    }

    @Test
    void jobsRunTogetherOnlyWithinTheByteBudgetAndALargerOneRunsAlone() throws Exception {
        List<ColumnPipeline.Job<String, Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(job(i, i == 6 ? 500 : 40, false));
        }
        List<Integer> results = new ArrayList<>();

        new ColumnPipeline<String, Integer>(pool, List.of("a", "b", "c", "d"), 100).run(jobs, results::add);

        assertThat(results).hasSize(12);
        assertThat(mostBytesRunning.get()).isEqualTo(500);
        assertThat(mostRunning.get()).isBetween(2, 4);
    }

    @Test
    void theFirstFailingJobInOrderIsThrownOnceNoJobRunsAnyMore() {
        List<ColumnPipeline.Job<String, Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            jobs.add(job(i, 1, i == 4 || i == 5));
        }
        List<Integer> results = new ArrayList<>();

        assertThatThrownBy(() -> new ColumnPipeline<String, Integer>(pool, List.of("a", "b", "c"), 1_000).run(jobs, results::add))
                .isInstanceOf(TransformException.class).hasMessage("job 4 failed");
        assertThat(results).containsExactly(0, 1, 2, 3);
        assertThat(running.get()).isZero();
    }

    @Test
    void oneWorkerRunsEveryJobOnTheCallingThreadOneAtATime() throws Exception {
        List<String> threads = new ArrayList<>();
        ColumnPipeline.Job<String, Integer> job = new ColumnPipeline.Job<>() {
            @Override
            public long bytes() {
                return 1;
            }

            @Override
            public Integer run(String worker) {
                threads.add(Thread.currentThread().getName());
                return 0;
            }
        };

        new ColumnPipeline<String, Integer>(pool, List.of("only"), 1_000).run(List.of(job, job, job), r -> { });

        assertThat(threads).containsOnly(Thread.currentThread().getName()).hasSize(3);
    }
}
