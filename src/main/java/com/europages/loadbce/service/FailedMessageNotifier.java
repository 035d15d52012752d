package com.europages.loadbce.service;

import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Calls {@link #onFailedMessage} for each message of the input queue whose processing failed, so it stays in the
 * queue. The exchange is recognised by the endpoint it came from (an aws2-sqs consumer of sqs.queue-name), not by
 * the name of the route that consumes it.
 */
abstract class FailedMessageNotifier extends EventNotifierSupport {

    private final String queueName;

    FailedMessageNotifier(String queueName) {
        this.queueName = queueName;
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
    public final void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
        // only the SQS exchange itself, not the split copies of its records: its failure leaves the message queued
        if (fromInputQueue(exchange) && exchange.getProperty(Exchange.SPLIT_INDEX) == null) {
            onFailedMessage(exchange);
        }
    }

    private boolean fromInputQueue(Exchange exchange) {
        return exchange.getFromEndpoint() instanceof Sqs2Endpoint sqs
                && queueName.equals(sqs.getConfiguration().getQueueName());
    }

    abstract void onFailedMessage(Exchange exchange);
}
