package com.europages.loadbce.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Readiness goes DOWN (503) naming the queue check once the queue is unreachable, while liveness stays UP. */
class ReadinessFollowsTheQueueTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = EmbeddedServicesFixture.runningService(
            Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC), Map.of("health.timeout-s", "2"));

    @Test
    void queueUnreachableMakesReadinessDownAndLeavesLivenessUp() throws Exception {
        // UP once every consumer has polled
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ManagementHttp.get(local.runtime(), "/observe/health/ready").statusCode() == 200);
        HttpResponse<String> fullHealth = ManagementHttp.get(local.runtime(), "/observe/health?exposureLevel=full");
        assertThat(fullHealth.body()).contains("sqs-queue", "warehouse");

        local.services().sqs().close();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                ManagementHttp.get(local.runtime(), "/observe/health/ready").statusCode() == 503);
        HttpResponse<String> ready = ManagementHttp.get(local.runtime(), "/observe/health/ready");
        assertThat(ready.body()).contains("\"status\":\"DOWN\"", "sqs-queue");
        HttpResponse<String> live = ManagementHttp.get(local.runtime(), "/observe/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"").doesNotContain("sqs-queue");
    }
}
