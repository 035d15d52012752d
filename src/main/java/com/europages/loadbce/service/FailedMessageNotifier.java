package com.europages.loadbce.service;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/** Calls {@link #onFailedMessage} for each SQS message whose processing failed, so it stays in the queue. */
abstract class FailedMessageNotifier extends EventNotifierSupport {

    FailedMessageNotifier() {
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
        if ("intake".equals(exchange.getFromRouteId()) && exchange.getProperty(Exchange.SPLIT_INDEX) == null) {
            onFailedMessage(exchange);
        }
    }

    abstract void onFailedMessage(Exchange exchange);
}
