package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.intake.DecodeRoute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** A PutObject under the staging prefix puts exactly one ObjectCreated:Put notification in the input queue. */
class PutObjectNotifiesInputQueueTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void putUnderPrefixProducesOneNotificationDescribingTheStoredObject() throws Exception {
        local.drainInputQueue();
        String key = local.stagingPrefix() + "dataflow_europages_20261126_00_1.parquet";
        byte[] content = "parquet bytes stand-in".getBytes(StandardCharsets.UTF_8);

        PutObjectResponse put = local.s3().putObject(b -> b.bucket(local.bucket()).key(key), RequestBody.fromBytes(content));

        List<String> bodies = local.drainInputQueue();
        assertThat(bodies).hasSize(1);
        List<S3EventNotificationRecord> records = DecodeRoute.records(bodies.get(0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
            assertThat(r.getS3().getBucket().getName()).isEqualTo(local.bucket());
            assertThat(r.getS3().getObject().getKey()).isEqualTo(key);
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(content.length);
            assertThat(r.getS3().getObject().getETag()).isEqualTo(put.eTag().replace("\"", ""));
            assertThat(r.getS3().getObject().getSequencer()).isNotEmpty();
        });
    }
}
