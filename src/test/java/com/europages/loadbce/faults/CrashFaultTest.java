package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service JVM killed with SIGKILL at random points of a day (mid-transform, mid-load, mid-commit) and
 * restarted each time: after a final drain every file is in the warehouse exactly once (DuckDB's WAL recovers).
 */
class CrashFaultTest {

    static final int KILLS = 6;

    static ChildJvmSetup setup;

    @BeforeAll
    static void start() throws Exception {
        // the redrive bound must exceed the kills a message can suffer, or a file would end in the DLQ
        setup = new ChildJvmSetup(5, 20);
    }

    @AfterAll
    static void stop() {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void killedAndRestartedAtRandomPointsEveryFileLoadsOnce() throws Exception {
        long seed = Long.getLong("faults.seed", System.currentTimeMillis());
        System.out.println("FAULT crash seed=" + seed + " (rerun with -Dfaults.seed=" + seed + ")");
        Random random = new Random(seed);
        long started = System.nanoTime();
        List<Path> files = setup.generateDay(2, 24_000);
        int batch = files.size() / KILLS;

        for (int kill = 0; kill < KILLS; kill++) {
            // each run gets new files, so every kill lands in work whatever the machine's speed
            files.subList(kill * batch, kill == KILLS - 1 ? files.size() : (kill + 1) * batch).forEach(setup::upload);
            ChildServiceProcess.Run run = setup.child.start("serve");
            // a kill point inside the work: after this run took a file, at a random moment of its processing
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> run.count("Accepted s3://") > 0 || !run.process().isAlive());
            assertThat(run.process().isAlive()).as("child started, log " + run.log()).isTrue();
            // within a few files' time: kills land in the download, transform, upload or load transaction
            Thread.sleep(random.nextInt(3_000)); // the random kill point, not an assertion
            run.process().destroyForcibly();
            run.awaitExit(30);
            System.out.printf("FAULT crash kill %d: SIGKILL after %d file(s) loaded in this run%n", kill + 1,
                    run.count("Loaded s3://"));
        }
        ChildServiceProcess.Run drain = setup.child.start("drain", "--idle-s", "4");
        assertThat(drain.awaitExit(240)).as("drain exit code, log " + drain.log()).isZero();

        FaultFigure figure = setup.compare("crash", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        // the children got their AWS secret from the environment (the default chain): it must not be logged
        assertThat(setup.child.allLogs()).doesNotContain(setup.config.get("local.secret-key"));
    }
}
