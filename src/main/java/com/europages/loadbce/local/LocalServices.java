package com.europages.loadbce.local;

import com.europages.loadbce.config.AppConfig;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The embedded default: starts the local servers of the local profile and says where they listen. */
public final class LocalServices implements AutoCloseable {

    private final EmbeddedSqs sqs;

    private LocalServices(EmbeddedSqs sqs) {
        this.sqs = sqs;
    }

    /** Starts ElasticMQ with the configured queues. */
    public static LocalServices start(AppConfig config) {
        EmbeddedSqs sqs = EmbeddedSqs.start(config.getInt("local.sqs.port"));
        try (SqsClient client = sqs.client(config.get("aws.region"))) {
            sqs.createQueues(client, config.get("sqs.queue-name"), config.get("sqs.error-queue-name"),
                    config.getInt("local.sqs.max-receive-count"), config.getInt("sqs.visibility-timeout-s"));
        } catch (RuntimeException e) {
            sqs.close();
            throw e;
        }
        return new LocalServices(sqs);
    }

    /** The configuration pointed at these servers. */
    public AppConfig wire(AppConfig config) {
        return config.with(Map.of("sqs.endpoint", sqs.endpoint().toString()));
    }

    public EmbeddedSqs sqs() {
        return sqs;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
