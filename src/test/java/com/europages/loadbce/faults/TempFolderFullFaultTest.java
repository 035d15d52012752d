package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The temp folder is full: the service runs in a child JVM whose temp folder is a 1 MiB tmpfs (mounted in a mount
 * namespace of its own with unshare, which needs no privilege the tests do not have). Small files load; a file
 * larger than the folder fails with "No space left on device" on every delivery, leaves no temp file, no
 * transformed object and no row; after a restart with room, it loads exactly once.
 */
class TempFolderFullFaultTest {

    static final long BIG_ROWS = 40_000;

    static ChildJvmSetup setup;
    static Path tiny;

    @BeforeAll
    static void start() throws Exception {
        setup = new ChildJvmSetup(3, 20);
        tiny = Files.createDirectories(setup.dir.resolve("tiny-tmp"));
    }

    @AfterAll
    static void stop() {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void aFileLargerThanAFullTempFolderFailsCleanlyIsRetriedAndLoadsOnceThereIsRoom() throws Exception {
        long started = System.nanoTime();
        List<Path> files = new ArrayList<>(setup.generateDay(1, 2_400).subList(0, 3));
        Path big = setup.dir.resolve("generated").resolve(DataFlowGenerator.fileName(setup.day, 12, 9));
        new DataFlowGenerator(GeneratorOptions.defaults(11)).writeFile(big, setup.day, 12, 9, BIG_ROWS);
        assertThat(Files.size(big)).as("the big file cannot fit the 1 MiB folder").isGreaterThan(2L << 20);
        String bigName = big.getFileName().toString();

        // one consumer: a small file transformed while the big one fills the folder would fail too (and be
        // retried), which makes the count of failures depend on timing
        ChildServiceProcess child = setup.child.withEnv(Map.of("TRANSFORM_TEMP_DIR", tiny.toString(),
                "SQS_RETRY_BACKOFF_MAX_S", "0", "SQS_CONCURRENT_CONSUMERS", "1"));
        ChildServiceProcess.Run run = child.startWith(List.of("unshare", "--user", "--map-root-user", "--mount",
                "sh", "-c", "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", tiny.toString()), "serve");
        files.forEach(setup::upload);
        setup.upload(big);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                run.count("File staging/" + bigName + " failed") >= 2 || !run.process().isAlive());
        // right after a failure line the next delivery is still 3 s away: the folder must be empty again
        Path childView = Path.of("/proc", Long.toString(run.process().pid()), "root").resolve(tiny.toString().substring(1));
        try (Stream<Path> left = Files.list(childView)) {
            assertThat(left.toList()).as("temp files left in the full folder").isEmpty();
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> run.count("Loaded s3://") >= files.size());
        assertThat(run.count("Loaded s3://" + setup.config.get("intake.bucket") + "/staging/" + bigName)).isZero();
        List<String> failures = Files.readAllLines(run.log()).stream().filter(l -> l.contains(" failed: rows=0")).toList();
        assertThat(failures).as("outcome lines of failed files").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.contains("File staging/" + bigName) && l.contains("Cannot write the download to "
                        + tiny + " (transform.temp-dir)") && l.contains("No space left on device"));
        assertThat(setup.s3.listObjectsV2(b -> b.bucket(setup.config.get("intake.bucket"))
                .prefix(setup.config.get("transform.output-prefix"))).contents())
                .as("transformed objects").noneMatch(o -> o.key().endsWith(bigName)).hasSize(files.size());
        run.process().destroy();
        assertThat(run.awaitExit(60)).as("exit code; log " + run.log()).isZero();

        // room again: the folder is an ordinary folder outside the namespace
        files.add(big);
        ChildServiceProcess.Run drain = child.start("drain", "--idle-s", "4");
        assertThat(drain.awaitExit(120)).as("drain exit code, log " + drain.log()).isZero();

        FaultFigure figure = setup.compare("temp-full", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
    }
}
