package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.intake.DecodeRoute;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** A key with spaces, '+', '=' and non-ASCII travels URL-encoded as in AWS and decodes back to the exact key. */
class EncodedKeyNotificationTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void keyIsUrlEncodedInTheMessageAndDecodesToTheStoredKey() throws Exception {
        local.drainInputQueue();
        String key = local.stagingPrefix() + "dt=2026-11-26/Données été+1 ü.parquet";
        byte[] content = "special key".getBytes(StandardCharsets.UTF_8);

        PutObjectResponse put = local.s3().putObject(b -> b.bucket(local.bucket()).key(key), RequestBody.fromBytes(content));

        List<String> bodies = local.drainInputQueue();
        assertThat(bodies).hasSize(1);
        String rawKey = new ObjectMapper().readTree(bodies.get(0)).at("/Records/0/s3/object/key").asText();
        assertThat(rawKey).isEqualTo(local.stagingPrefix() + "dt%3D2026-11-26/Donn%C3%A9es+%C3%A9t%C3%A9%2B1+%C3%BC.parquet");

        List<S3EventNotificationRecord> records = DecodeRoute.records(bodies.get(0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getS3().getObject().getKey()).isEqualTo(key);
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(content.length);
            assertThat(r.getS3().getObject().getETag()).isEqualTo(put.eTag().replace("\"", ""));
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
        });
        assertThat(Files.readAllBytes(local.services().s3().objectPath(local.bucket(), key))).isEqualTo(content);
    }
}
