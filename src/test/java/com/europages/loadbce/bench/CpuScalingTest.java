package com.europages.loadbce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The machine's own scaling, the baseline of the consumers' scaling. */
class CpuScalingTest {

    @Test
    void theWorkOfTwoThreadsOverOneIsAPlausibleRatio() throws Exception {
        double scaling = CpuScaling.measure(2, 3, 200);

        // a busy CI machine may give the two threads little more than one (the median of 3 rounds damps a burst on the
        // single thread): only a broken measure falls outside
        assertThat(scaling).isGreaterThan(0.5).isLessThan(2.5);
    }
}
