package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.service.ServiceRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S3 accepts connections and stops answering for 6 s while files arrive: each file fails within
 * aws.api-call-timeout-s (the SDK gives up, the message is left for redelivery) and, once S3 answers again,
 * every file is in the warehouse exactly once.
 */
class S3StallFaultTest {

    static final int CALL_TIMEOUT_S = 4;
    static final Duration STALL = Duration.ofSeconds(6);

    static InProcessService service;
    static SwitchableTcpProxy s3Link;
    static FileOutcomeLines outcomes;

    @BeforeAll
    static void start() throws Exception {
        outcomes = new FileOutcomeLines();
        service = InProcessService.start(Map.of("sqs.visibility-timeout-s", "5", "local.sqs.max-receive-count", "10",
                "aws.api-call-timeout-s", Integer.toString(CALL_TIMEOUT_S), "aws.api-call-attempt-timeout-s", "2"),
                S3StallFaultTest::throughStallableLink);
    }

    /** The service's S3 client goes through a proxy that can stall; the test's own client does not. */
    static void throughStallableLink(ServiceRuntime runtime) {
        try {
            URI s3 = URI.create(runtime.config().get("s3.endpoint"));
            s3Link = new SwitchableTcpProxy(s3.getHost(), s3.getPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        runtime.bind("s3Client", AwsClients.s3(runtime.config().with(Map.of("s3.endpoint",
                "http://127.0.0.1:" + s3Link.port()))));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
            if (s3Link != null) {
                s3Link.close();
            }
        } finally {
            outcomes.close();
        }
    }

    @Test
    void filesArrivingWhileS3StallsFailWithinTheCallTimeoutAndLoadOnceAfterwards() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 12_000).subList(0, 8);
        files.subList(0, 4).forEach(service::upload);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> service.auditRows() == 4);

        s3Link.setStalled(true);
        files.subList(4, 8).forEach(service::upload);
        await().atMost(Duration.ofSeconds(CALL_TIMEOUT_S + 10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !outcomes.failed().isEmpty());
        Thread.sleep(STALL.toMillis()); // the rest of the stall, not an assertion
        assertThat(service.auditRows()).as("nothing loads while S3 stalls").isEqualTo(4);
        s3Link.setStalled(false);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> service.auditRows() == 8 && service.inputQueueIdle());

        FaultFigure figure = service.truth().compare("s3-stall", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        // the outcome line's duration runs from the transform's start, whose first step is the stalled GetObject
        assertThat(outcomes.longestFailureMillis()).as("slowest failure, lines %s", outcomes.failed())
                .isBetween(1L, CALL_TIMEOUT_S * 1000L + 2_000);
        assertThat(outcomes.failed()).allMatch(l -> l.contains("ApiCallTimeoutException")
                || l.contains("ApiCallAttemptTimeoutException") || l.contains("timed out") || l.contains("did not complete"));
    }
}
