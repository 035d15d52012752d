package com.europages.loadbce.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing a day with many writer threads at once, again and again, gives the bytes of the files written one by one:
 * the writers share no mutable state (shared ByteBuffer-backed Binary constants once made statistics fail at random).
 */
class ParallelGenerationIsDeterministicTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final int FILES_PER_HOUR = 4;
    private static final long ROWS = 96 * 50;

    @TempDir
    Path dir;

    @Test
    void aDayWrittenInParallelManyTimesEqualsTheSequentialOne() throws Exception {
        DataFlowGenerator generator = new DataFlowGenerator(GeneratorOptions.defaults(21));
        List<byte[]> sequential = new ArrayList<>();
        for (int i = 0; i < 24 * FILES_PER_HOUR; i++) {
            Path file = dir.resolve("alone.parquet");
            generator.writeFile(file, DAY, i / FILES_PER_HOUR, i % FILES_PER_HOUR + 1, ROWS / (24 * FILES_PER_HOUR));
            sequential.add(Files.readAllBytes(file));
        }

        for (int round = 0; round < 20; round++) {
            List<Path> day = generator.generateDay(DAY, dir.resolve("round-" + round), FILES_PER_HOUR, ROWS, 8);
            for (int i = 0; i < day.size(); i++) {
                assertThat(Files.readAllBytes(day.get(i))).as("round %d, %s", round, day.get(i).getFileName())
                        .isEqualTo(sequential.get(i));
            }
        }
    }
}
