package com.europages.loadbce.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The oldest-message gauge: the age since SQS's SentTimestamp while a message is processed, zero once it is done. */
class InFlightMessagesTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void gaugeShowsTheOldestMessageWhileItIsProcessedAndZeroAfter() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        InFlightMessages inFlight = new InFlightMessages(meters, Clock.fixed(NOW, ZoneOffset.UTC));
        AtomicReference<Double> seenDuringProcessing = new AtomicReference<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sqs").process(inFlight)
                            .process(e -> seenDuringProcessing.set(meters.get(InFlightMessages.GAUGE).gauge().value()));
                    from("direct:failing").process(inFlight).throwException(new IllegalStateException("boom"));
                }
            });
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeader("direct:sqs", "{}", InFlightMessages.SENT_TIMESTAMP,
                    Long.toString(NOW.minusSeconds(90).toEpochMilli()));
            camel.createProducerTemplate().send("direct:failing", e -> e.getMessage().setHeader(
                    InFlightMessages.SENT_TIMESTAMP, Long.toString(NOW.minusSeconds(30).toEpochMilli())));
        }
        assertThat(seenDuringProcessing.get()).isEqualTo(90.0);
        assertThat(meters.get(InFlightMessages.GAUGE).gauge().value()).as("after success and failure").isZero();
    }

    @Test
    void withoutSentTimestampTheMessageCountsFromWhenItWasTaken() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        InFlightMessages inFlight = new InFlightMessages(meters, Clock.fixed(NOW, ZoneOffset.UTC));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
            inFlight.process(exchange);
            assertThat(inFlight.oldestAge()).isZero();
            assertThat(meters.get(InFlightMessages.GAUGE).gauge().getId().getBaseUnit()).isEqualTo("seconds");
        }
    }
}
