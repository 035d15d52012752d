package com.europages.loadbce.service;

import com.europages.loadbce.config.AppConfig;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the AWS SDK clients the routes use: default credentials chain in production, local keys on the embedded services. */
public final class AwsClients {

    private AwsClients() {
    }

    public static SqsClient sqs(AppConfig config) {
        return sqs(config, null);
    }

    /** @param callTimeout bound on each call with its retries (readiness checks); null: the SDK's default */
    public static SqsClient sqs(AppConfig config, Duration callTimeout) {
        var builder = SqsClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(config.get("aws.region")))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(callTimeout == null ? timeouts(config)
                        : timeouts(config).toBuilder().apiCallTimeout(callTimeout).build());
        String endpoint = config.get("sqs.endpoint", "");
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    public static S3Client s3(AppConfig config) {
        var builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(config.get("aws.region")))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(timeouts(config))
                .forcePathStyle(config.getBoolean("s3.force-path-style"));
        String endpoint = config.get("s3.endpoint", "");
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Bounded calls: without them an endpoint that accepts and never answers would hold a consumer forever. */
    static ClientOverrideConfiguration timeouts(AppConfig config) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(Long.parseLong(config.get("aws.api-call-timeout-s", "120"))))
                .apiCallAttemptTimeout(Duration.ofSeconds(Long.parseLong(config.get("aws.api-call-attempt-timeout-s", "30"))))
                .build();
    }

    /** The local profile's keys open only the embedded servers; everything else uses the AWS default chain. */
    static AwsCredentialsProvider credentials(AppConfig config) {
        if (config.isLocal()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.get("local.access-key"), config.get("local.secret-key")));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
