package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.intake.DecodeRoute;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** A completed multipart upload under the staging prefix gives one ObjectCreated:CompleteMultipartUpload, none per part. */
class MultipartUploadNotifiesInputQueueTest {

    private static final int PART_SIZE = 5 * 1024 * 1024;

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void twoPartUploadProducesOneNotificationWithTheWholeObject() throws Exception {
        local.drainInputQueue();
        String bucket = local.bucket();
        String key = local.stagingPrefix() + "dataflow_europages_20261126_01_1.parquet";
        String uploadId = local.s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();

        String eTag1 = uploadPart(bucket, key, uploadId, 1, (byte) 'a');
        String eTag2 = uploadPart(bucket, key, uploadId, 2, (byte) 'b');
        assertThat(local.drainInputQueue()).as("no notification before the upload completes").isEmpty();

        CompleteMultipartUploadResponse done = local.s3().completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(eTag2).build())));

        List<String> bodies = local.drainInputQueue();
        assertThat(bodies).hasSize(1);
        List<S3EventNotificationRecord> records = DecodeRoute.records(bodies.get(0));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
            assertThat(r.getS3().getBucket().getName()).isEqualTo(bucket);
            assertThat(r.getS3().getObject().getKey()).isEqualTo(key);
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(2L * PART_SIZE);
            assertThat(r.getS3().getObject().getETag()).isEqualTo(done.eTag().replace("\"", ""));
            // as in AWS: the MD5 of the parts' binary MD5s, then '-' and the number of parts
            assertThat(r.getS3().getObject().getETag()).isEqualTo(multipartETag(filled((byte) 'a'), filled((byte) 'b')));
        });
    }

    private static String uploadPart(String bucket, String key, String uploadId, int number, byte fill) {
        byte[] part = filled(fill);
        return local.s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(part)).eTag();
    }

    private static byte[] filled(byte fill) {
        byte[] part = new byte[PART_SIZE];
        Arrays.fill(part, fill);
        return part;
    }

    private static String multipartETag(byte[]... parts) throws Exception {
        MessageDigest ofParts = MessageDigest.getInstance("MD5");
        for (byte[] part : parts) {
            ofParts.update(MessageDigest.getInstance("MD5").digest(part));
        }
        return HexFormat.of().formatHex(ofParts.digest()) + "-" + parts.length;
    }
}
