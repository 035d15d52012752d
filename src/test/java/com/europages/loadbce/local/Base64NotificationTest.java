package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.intake.DecodeRoute;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** With local.s3.notify-base64=true the notification body is the same JSON, Base64-encoded. */
class Base64NotificationTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture(Map.of("local.s3.notify-base64", "true"));

    @Test
    void bodyIsBase64OfTheNotificationJson() throws Exception {
        local.drainInputQueue();
        String key = local.stagingPrefix() + "dataflow_europages_20261126_06_1.parquet";
        local.s3().putObject(b -> b.bucket(local.bucket()).key(key), RequestBody.fromString("b64"));

        List<String> bodies = local.drainInputQueue();

        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).doesNotStartWith("{");
        String json = new String(Base64.getDecoder().decode(bodies.get(0)), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"Records\":[");
        List<S3EventNotificationRecord> records = DecodeRoute.records(bodies.get(0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getS3().getObject().getKey()).isEqualTo(key);
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(3);
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
        });
    }
}
