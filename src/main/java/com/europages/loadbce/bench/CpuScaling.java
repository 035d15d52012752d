package com.europages.loadbce.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How much more work N threads of a CPU-bound loop do than one on this machine: the ceiling of N consumers over one,
 * whatever the pipeline does (virtual cores shared with other guests, or hyper-threads, scale below N).
 */
public final class CpuScaling {

    private CpuScaling() {
    }

    /** Median over alternating rounds of (work of {@code threads} threads) / (work of one thread). */
    public static double measure(int threads, int rounds, long roundMillis) throws Exception {
        loop(roundMillis); // JIT warm-up
        double[] ratios = new double[rounds];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = 0; r < rounds; r++) {
                long one = loop(roundMillis);
                List<Future<Long>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    parts.add(pool.submit(() -> loop(roundMillis)));
                }
                long many = 0;
                for (Future<Long> f : parts) {
                    many += f.get();
                }
                ratios[r] = (double) many / one;
            }
        } finally {
            pool.shutdownNow();
        }
        Arrays.sort(ratios);
        return ratios[rounds / 2];
    }

    /** Random updates of a 4 MB table (beyond the core's own cache, like hash tables and pages): work units done. */
    private static long loop(long millis) {
        int[] table = new int[1 << 20];
        long end = System.nanoTime() + millis * 1_000_000L;
        long units = 0;
        int x = 12345;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 1_103_515_245 + 12_345;
                table[(x >>> 12) & (table.length - 1)] += i;
            }
            units++;
        }
        // reads the table, so the JIT cannot drop the updates as dead code
        return table[7] == Integer.MIN_VALUE ? units + 1 : units;
    }
}
