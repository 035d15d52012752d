package com.europages.loadbce.service;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts SQS messages whose processing failed (left for redelivery): the transient failures `drain` reports. */
public final class FailedMessageCounter extends FailedMessageNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(FailedMessageCounter.class);
    private final MeterRegistry meters;

    /** @param queueName the input queue (sqs.queue-name): its failed messages are counted */
    public FailedMessageCounter(MeterRegistry meters, String queueName) {
        super(queueName);
        this.meters = meters;
    }

    @Override
    void onFailedMessage(Exchange exchange) {
        if (exchange.getExchangeExtension().isInterrupted()) {
            return;
        }
        meters.counter(PipelineMetrics.MESSAGES_FAILED).increment();
        Exception e = exchange.getException();
        LOG.warn("SQS message {} failed and will be redelivered after the visibility timeout: {}",
                exchange.getMessage().getHeader("CamelAwsSqsMessageId"), e == null ? "?" : e.getMessage());
    }
}
