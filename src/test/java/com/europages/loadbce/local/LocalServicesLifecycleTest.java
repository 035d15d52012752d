package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalServices stops every server it started: on close (any number of times) and when starting fails half-way. */
class LocalServicesLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void closeStopsBothServersAndCanBeRepeated() {
        LocalServices services = LocalServices.start(EmbeddedServicesFixture.projectConfig(dataDir, Map.of()));
        int sqsPort = services.sqs().endpoint().getPort();
        int s3Port = services.s3().endpoint().getPort();
        assertThat(accepts(sqsPort)).isTrue();
        assertThat(accepts(s3Port)).isTrue();

        services.close();
        services.close();

        assertThat(accepts(sqsPort)).as("SQS port after close").isFalse();
        assertThat(accepts(s3Port)).as("S3 port after close").isFalse();
        assertNoServerThreadKeepsTheJvmAlive();
    }

    @Test
    void failedS3StartStopsTheAlreadyStartedSqs() throws IOException {
        int sqsPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AppConfig config = EmbeddedServicesFixture.projectConfig(dataDir, Map.of(
                    "local.sqs.port", Integer.toString(sqsPort),
                    "local.s3.port", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> LocalServices.start(config)).hasMessageContaining("S3");
        }
        assertThat(accepts(sqsPort)).as("SQS port after the failed start").isFalse();
        assertNoServerThreadKeepsTheJvmAlive();
    }

    /** ElasticMQ's and Jetty's pool threads are not daemons: any left would keep the service's JVM from exiting. */
    private static void assertNoServerThreadKeepsTheJvmAlive() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && !t.isDaemon())
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("elasticmq-") || name.startsWith("S3Proxy-")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("Unexpected connect failure on port " + port, e);
        }
    }
}
