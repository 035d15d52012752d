package com.europages.loadbce.local;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ in this JVM on 127.0.0.1: the input queue with its dead-letter queue and redrive policy, and the error queue. */
public final class EmbeddedSqs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqs.class);

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the server on the port (0: any free port). */
    public static EmbeddedSqs start(int port) {
        SQSRestServer server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        try {
            int bound = server.waitUntilStarted().localAddress().getPort();
            LOG.info("Embedded SQS (ElasticMQ) listening on http://127.0.0.1:{}", bound);
            return new EmbeddedSqs(server, bound);
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server; ElasticMQ checks no credentials, any region works. */
    public SqsClient client(String region) {
        return SqsClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /**
     * Creates (if missing) the input queue, its dead-letter queue {@code <queue>-dlq} after maxReceiveCount receives,
     * and the error queue, with the given visibility timeout on the input queue.
     */
    public void createQueues(SqsClient sqs, String queue, String errorQueue, int maxReceiveCount, int visibilitySeconds) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(queue + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN).build()).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        sqs.createQueue(b -> b.queueName(queue).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilitySeconds))));
        sqs.createQueue(b -> b.queueName(errorQueue));
    }

    @Override
    public void close() {
        server.stopAndWait();
        LOG.info("Embedded SQS stopped");
    }
}
