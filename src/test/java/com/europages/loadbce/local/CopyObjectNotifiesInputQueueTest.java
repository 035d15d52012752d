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
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;

/** A CopyObject into the staging prefix gives one ObjectCreated:Copy notification for the destination object. */
class CopyObjectNotifiesInputQueueTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void copyIntoPrefixProducesOneNotificationForTheCopy() throws Exception {
        String bucket = local.bucket();
        String source = "archive/dataflow_europages_20261126_02_1.parquet";
        String target = local.stagingPrefix() + "dataflow_europages_20261126_02_1.parquet";
        byte[] content = "copied parquet stand-in".getBytes(StandardCharsets.UTF_8);
        local.s3().putObject(b -> b.bucket(bucket).key(source), RequestBody.fromBytes(content));
        assertThat(local.drainInputQueue()).as("the source is outside the prefix").isEmpty();

        CopyObjectResponse copy = local.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                .destinationBucket(bucket).destinationKey(target));

        List<String> bodies = local.drainInputQueue();
        assertThat(bodies).hasSize(1);
        List<S3EventNotificationRecord> records = DecodeRoute.records(bodies.get(0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Copy");
            assertThat(r.getS3().getBucket().getName()).isEqualTo(bucket);
            assertThat(r.getS3().getObject().getKey()).isEqualTo(target);
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(content.length);
            assertThat(r.getS3().getObject().getETag()).isEqualTo(copy.copyObjectResult().eTag().replace("\"", ""));
        });
    }
}
