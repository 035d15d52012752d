package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Every event of a day delivered three times, copies racing on two consumers: each file is loaded exactly once. */
class DuplicateDeliveryFaultTest {

    static final int FILES_PER_HOUR = 2;
    static final int FILES = 24 * FILES_PER_HOUR;

    static InProcessService service;

    @BeforeAll
    static void start() throws Exception {
        service = InProcessService.start(Map.of("sqs.concurrent-consumers", "2", "sqs.visibility-timeout-s", "5"), r -> {
        });
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyEventDeliveredThreeTimesLoadsEachFileOnce() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(FILES_PER_HOUR, 24_000);
        for (Path f : files) {
            service.upload(f);
            // two more copies of the notification right away: they race with the first on the other consumer
            String event = notification(f);
            String url = service.queueUrl("sqs.queue-name");
            for (int copy = 0; copy < 2; copy++) {
                service.sqs.sendMessage(b -> b.queueUrl(url).messageBody(event));
            }
        }
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.loadedCount() >= 3.0 * FILES && service.inputQueueIdle());

        FaultFigure figure = service.truth().compare("duplicates", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        assertThat(figure.rows()).isEqualTo(24_000);
    }

    static String notification(Path file) {
        String key = service.stagingKey(file);
        HeadObjectResponse head = service.s3.headObject(b -> b.bucket(service.bucket()).key(key));
        return S3EventWriter.notification(new S3ObjectRecord("ObjectCreated:Put", service.bucket(), key,
                head.contentLength(), head.eTag().replace("\"", ""), "0"), Instant.now());
    }
}
