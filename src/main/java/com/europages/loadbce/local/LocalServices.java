package com.europages.loadbce.local;

import com.europages.loadbce.config.AppConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The embedded default: starts the local servers of the local profile and says where they listen. */
public final class LocalServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServices.class);

    private final EmbeddedSqs sqs;
    private final EmbeddedS3 s3;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalServices(EmbeddedSqs sqs, EmbeddedS3 s3) {
        this.sqs = sqs;
        this.s3 = s3;
    }

    /**
     * Starts ElasticMQ with the configured queues, then S3Proxy (its notifications need the queues) with the intake
     * bucket. Whatever fails, nothing started is left running: ElasticMQ's threads would keep the JVM alive.
     */
    public static LocalServices start(AppConfig config) {
        EmbeddedSqs sqs = EmbeddedSqs.start(config.getInt("local.sqs.port"));
        try {
            try (SqsClient client = sqs.client(config.get("aws.region"))) {
                sqs.createQueues(client, config.get("sqs.queue-name"), config.get("sqs.error-queue-name"),
                        config.getInt("local.sqs.max-receive-count"), config.getInt("sqs.visibility-timeout-s"));
            }
            EmbeddedS3 s3 = startS3(config, sqs);
            try {
                s3.createBucket(config.get("intake.bucket"));
            } catch (RuntimeException | Error e) {
                s3.close();
                throw e;
            }
            return new LocalServices(sqs, s3);
        } catch (RuntimeException | Error e) {
            sqs.close();
            throw e;
        }
    }

    private static EmbeddedS3 startS3(AppConfig config, EmbeddedSqs sqs) {
        String prefix = config.get("local.s3.notify-prefix", config.get("intake.staging-prefix"));
        SqsClient client = sqs.client(config.get("aws.region"));
        ObjectCreatedNotifier notifier;
        try {
            notifier = ObjectCreatedNotifier.toQueue(client, config.get("sqs.queue-name"), prefix,
                    config.getBoolean("local.s3.notify-base64"), Clock.systemUTC());
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
        return EmbeddedS3.start(config.getPath("app.data-dir").resolve("s3"), config.getInt("local.s3.port"),
                config.get("local.access-key"), config.get("local.secret-key"), notifier);
    }

    /** The configuration pointed at these servers. */
    public AppConfig wire(AppConfig config) {
        Map<String, String> wired = new HashMap<>(Map.of(
                "sqs.endpoint", sqs.endpoint().toString(),
                "s3.endpoint", s3.endpoint().toString(),
                // S3Proxy serves buckets as paths; virtual-host names would need DNS for 127.0.0.1
                "s3.force-path-style", "true"));
        return config.with(wired);
    }

    public EmbeddedSqs sqs() {
        return sqs;
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    /** Stops S3 first (no notification can then reach a stopped queue), then SQS, even if stopping S3 fails. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            s3.close();
        } catch (RuntimeException | Error e) {
            LOG.warn("Embedded S3 did not close cleanly: {}", e.toString());
        } finally {
            sqs.close();
        }
    }
}
