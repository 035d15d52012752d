package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.service.AwsClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The local S3 checks SigV4: a request signed with other keys is refused and stores nothing. */
class WrongCredentialsAreRefusedTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void wrongSecretKeyFailsTheSignatureCheck() {
        local.drainInputQueue();
        String key = local.stagingPrefix() + "dataflow_europages_20261126_04_1.parquet";
        try (S3Client wrong = AwsClients.s3(local.config().with(Map.of("local.secret-key", "not-the-secret")))) {
            assertThatThrownBy(() -> wrong.putObject(b -> b.bucket(local.bucket()).key(key), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
        assertThat(local.s3().listObjectsV2(b -> b.bucket(local.bucket()).prefix(key)).contents()).isEmpty();
        assertThat(local.drainInputQueue()).isEmpty();
    }

    @Test
    void unknownAccessKeyIsRefused() {
        try (S3Client wrong = AwsClients.s3(local.config().with(Map.of("local.access-key", "someone-else")))) {
            assertThatThrownBy(() -> wrong.listObjectsV2(b -> b.bucket(local.bucket())))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
