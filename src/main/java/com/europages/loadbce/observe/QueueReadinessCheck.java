package com.europages.loadbce.observe;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Readiness: the input queue answers GetQueueAttributes (the client given carries a short call timeout). */
public final class QueueReadinessCheck extends AbstractHealthCheck {

    private final SqsClient sqs;
    private final String queueName;

    public QueueReadinessCheck(SqsClient sqs, String queueName) {
        super("loadbce", "sqs-queue");
        this.sqs = sqs;
        this.queueName = queueName;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable queue is no reason to restart a healthy JVM
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("queue", queueName);
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
            String waiting = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            builder.detail("messages.waiting", waiting).up();
        } catch (RuntimeException e) {
            builder.message("queue " + queueName + " unreachable: " + e.getMessage()).error(e).down();
        }
    }
}
