package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** Objects created outside the notify prefix (including a look-alike prefix) are stored but not announced. */
class ObjectOutsidePrefixIsNotNotifiedTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void putAndCopyOutsideThePrefixProduceNoNotification() {
        local.drainInputQueue();
        String bucket = local.bucket();
        String lookAlike = local.stagingPrefix().replace("/", "") + "-old/dataflow_europages_20261126_03_1.parquet";

        local.s3().putObject(b -> b.bucket(bucket).key("transformed/dt=2026-11-26/part.parquet"), RequestBody.fromString("x"));
        local.s3().putObject(b -> b.bucket(bucket).key(lookAlike), RequestBody.fromString("y"));
        local.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey(lookAlike)
                .destinationBucket(bucket).destinationKey("archive/copy.parquet"));

        assertThat(local.drainInputQueue()).isEmpty();
        assertThat(local.s3().headObject(b -> b.bucket(bucket).key("archive/copy.parquet")).contentLength()).isEqualTo(1L);
    }
}
