package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temp folder becomes unwritable while files arrive: each file fails with a reason naming the folder, is
 * retried, and leaves no transformed object in S3 and no row in the warehouse; once the folder is back, every file
 * loads exactly once. Read-only permissions do not stop root (tests may run as root), so the folder is replaced
 * by a regular file: creating a file in it then fails for every user.
 */
class TempFolderUnwritableFaultTest {

    @TempDir
    static Path dir;

    static Path temp;
    static FileOutcomeLines outcomes;
    static InProcessService service;

    @BeforeAll
    static void start() throws Exception {
        temp = Files.createDirectories(dir.resolve("tmp"));
        outcomes = new FileOutcomeLines();
        service = InProcessService.start(Map.of("transform.temp-dir", temp.toString(), "sqs.visibility-timeout-s", "2",
                "local.sqs.max-receive-count", "20"), r -> {
                });
    }

    @AfterAll
    static void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            outcomes.close();
        }
    }

    static boolean isEmpty(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    long transformedObjects() {
        return service.s3.listObjectsV2(b -> b.bucket(service.bucket())
                .prefix(service.runtime.config().get("transform.output-prefix"))).keyCount();
    }

    @Test
    void filesFailWithAClearReasonWhileTheTempFolderIsUnwritableAndLoadOnceAfterwards() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 6_000).subList(0, 6);
        files.subList(0, 4).forEach(service::upload);
        // a file's temp files go at the very end of its exchange, after its audit row is committed
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).until(() -> service.auditRows() == 4
                && isEmpty(temp));

        Files.delete(temp);
        Files.writeString(temp, "not a folder");
        files.subList(4, 6).forEach(service::upload);
        // every file has failed at least twice: it was retried
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).until(() -> files.subList(4, 6)
                .stream().allMatch(f -> outcomes.failed().stream()
                        .filter(l -> l.contains(f.getFileName().toString())).count() >= 2));
        assertThat(outcomes.failed()).allMatch(l -> l.contains("Cannot create a temp file in " + temp
                + " (transform.temp-dir)"));
        assertThat(service.auditRows()).as("no row of a failed file").isEqualTo(4);
        assertThat(transformedObjects()).as("no transformed object of a failed file").isEqualTo(4);

        Files.delete(temp);
        Files.createDirectory(temp);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                .until(() -> service.auditRows() == 6 && service.inputQueueIdle());

        FaultFigure figure = service.truth().compare("temp-unwritable", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        assertThat(transformedObjects()).isEqualTo(6);
        assertThat(temp).as("no temp file left behind").isEmptyDirectory();
        assertThat(service.sqs.getQueueAttributes(b -> b.queueUrl(service.queueUrl("sqs.error-queue-name"))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages")).as("transient: nothing rejected").isEqualTo("0");
    }
}
