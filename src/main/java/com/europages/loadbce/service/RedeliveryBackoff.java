package com.europages.loadbce.service;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Exponential backoff of transient failures: a failed SQS message is hidden for visibility x 2^(receives-1) seconds,
 * at most the configured maximum, so an outage is retried ever less often within the same redrive bound.
 */
public final class RedeliveryBackoff extends FailedMessageNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(RedeliveryBackoff.class);
    /** SQS refuses a visibility timeout above 12 hours. */
    private static final long SQS_MAX_SECONDS = 43_200;

    private final SqsClient sqs;
    private final String queueName;
    private final long visibilitySeconds;
    private final long maxSeconds;
    private volatile String queueUrl;

    public RedeliveryBackoff(SqsClient sqs, String queueName, long visibilitySeconds, long maxSeconds) {
        super(queueName);
        this.sqs = sqs;
        this.queueName = queueName;
        this.visibilitySeconds = visibilitySeconds;
        this.maxSeconds = Math.min(maxSeconds, SQS_MAX_SECONDS);
    }

    /** Seconds the message stays hidden after its n-th receive failed. */
    public long delaySeconds(int receiveCount) {
        int doublings = Math.max(0, Math.min(receiveCount - 1, 30));
        return Math.min(maxSeconds, visibilitySeconds << doublings);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return maxSeconds > visibilitySeconds && super.isEnabled(event);
    }

    @Override
    void onFailedMessage(Exchange exchange) {
        String handle = exchange.getMessage().getHeader("CamelAwsSqsReceiptHandle", String.class);
        if (handle == null) {
            return;
        }
        long delay = delaySeconds(receiveCount(exchange));
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(url()).receiptHandle(handle).visibilityTimeout((int) delay));
            LOG.info("SQS message {} comes back in {} s", exchange.getMessage().getHeader("CamelAwsSqsMessageId"), delay);
        } catch (RuntimeException e) {
            // the message still comes back after the plain visibility timeout
            LOG.warn("Cannot delay the redelivery of SQS message {}: {}",
                    exchange.getMessage().getHeader("CamelAwsSqsMessageId"), e.getMessage());
        }
    }

    static int receiveCount(Exchange exchange) {
        Object attributes = exchange.getMessage().getHeader("CamelAwsSqsAttributes");
        if (attributes instanceof Map<?, ?> map) {
            Object v = map.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            if (v == null) {
                v = map.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString());
            }
            if (v != null) {
                try {
                    return Integer.parseInt(v.toString());
                } catch (NumberFormatException ignored) {
                    // fall through: treated as a first receive
                }
            }
        }
        return 1;
    }

    private String url() {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        }
        return queueUrl;
    }
}
