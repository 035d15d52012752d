package com.europages.loadbce.service;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts SQS messages whose processing failed (left for redelivery): the transient failures `drain` reports. */
public final class FailedMessageCounter extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FailedMessageCounter.class);
    private final MeterRegistry meters;

    public FailedMessageCounter(MeterRegistry meters) {
        this.meters = meters;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeCompletedEvent(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
        // only the SQS exchange itself: its failure means the message stays in the queue
        if ("intake".equals(exchange.getFromRouteId()) && !exchange.getExchangeExtension().isInterrupted()
                && exchange.getProperty(Exchange.SPLIT_INDEX) == null) {
            meters.counter(PipelineMetrics.MESSAGES_FAILED).increment();
            Exception e = exchange.getException();
            LOG.warn("SQS message {} failed and will be redelivered after the visibility timeout: {}",
                    exchange.getMessage().getHeader("CamelAwsSqsMessageId"), e == null ? "?" : e.getMessage());
        }
    }
}
