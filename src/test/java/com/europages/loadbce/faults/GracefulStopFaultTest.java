package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (a container stop) while a big file is being processed: the service finishes it within the shutdown
 * timeout or leaves it for redelivery, never half-loaded; after a restart the day is in the warehouse once.
 */
class GracefulStopFaultTest {

    static final long BIG_ROWS = 150_000;

    static ChildJvmSetup setup;

    @BeforeAll
    static void start() throws Exception {
        setup = new ChildJvmSetup(5, 5);
    }

    @AfterAll
    static void stop() {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void sigtermDuringABigFileFinishesItOrLeavesItWhole() throws Exception {
        long started = System.nanoTime();
        Path big = setup.dir.resolve("generated").resolve(DataFlowGenerator.fileName(setup.day, 12, 9));
        java.nio.file.Files.createDirectories(big.getParent());
        new DataFlowGenerator(GeneratorOptions.defaults(11)).writeFile(big, setup.day, 12, 9, BIG_ROWS);

        ChildServiceProcess.Run run = setup.child.start("serve");
        setup.upload(big);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> run.count("Accepted s3://") > 0 || !run.process().isAlive());
        Thread.sleep(500); // into the file's processing, not an assertion
        boolean stillWorking = run.count("Loaded s3://") == 0;
        run.process().destroy();
        int exit = run.awaitExit(60);
        boolean finished = run.count("Loaded s3://") > 0;
        System.out.printf("FAULT graceful-stop: SIGTERM %s the big file, exit %d, file %s before stopping%n",
                stillWorking ? "during" : "after", exit, finished ? "finished" : "left for redelivery");

        List<Path> files = new ArrayList<>(setup.generateDay(1, 6_000));
        files.forEach(setup::upload);
        files.add(big);
        ChildServiceProcess.Run drain = setup.child.start("drain", "--idle-s", "4");
        assertThat(drain.awaitExit(240)).as("drain exit code, log " + drain.log()).isZero();

        FaultFigure figure = setup.compare("graceful-stop", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(stillWorking).as("SIGTERM came while the big file was in progress").isTrue();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
    }
}
