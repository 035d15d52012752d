package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** The store keeps each object as one plain file at the path EmbeddedS3 reports, so DuckDB can read it directly. */
class StoredObjectIsPlainFileTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void putObjectIsAFileAtStoreBucketKey() throws Exception {
        String key = "transformed/dt=2026-11-26/dataflow_europages_20261126_05_1.parquet";
        byte[] content = "PAR1 ... PAR1".getBytes(StandardCharsets.UTF_8);
        local.s3().putObject(b -> b.bucket(local.bucket()).key(key), RequestBody.fromBytes(content));

        Path file = local.services().s3().objectPath(local.bucket(), key);

        assertThat(file).isEqualTo(local.services().s3().storeDir().resolve(local.bucket()).resolve(key));
        assertThat(file).startsWith(Path.of(local.config().get("app.data-dir")).toAbsolutePath().resolve("s3"));
        assertThat(file).isRegularFile();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void multipartObjectIsOneAssembledFile() throws Exception {
        String bucket = local.bucket();
        String key = "transformed/dt=2026-11-26/multipart.parquet";
        byte[] first = new byte[5 * 1024 * 1024];
        Arrays.fill(first, (byte) 1);
        byte[] second = {2, 2, 2};
        String uploadId = local.s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String e1 = local.s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String e2 = local.s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        local.s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build())));

        byte[] stored = Files.readAllBytes(local.services().s3().objectPath(bucket, key));

        assertThat(stored).hasSize(first.length + second.length);
        assertThat(Arrays.copyOfRange(stored, first.length, stored.length)).isEqualTo(second);
    }
}
