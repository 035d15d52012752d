package com.europages.loadbce.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * First step of the intake: remembers each SQS message being processed with the time SQS received it
 * (SentTimestamp), until its exchange completes, for the gauge {@code loadbce_oldest_message_age_seconds}.
 * SQS's own ApproximateAgeOfOldestMessage counts waiting messages, not the ones held by this service, and the
 * local ElasticMQ does not offer it.
 */
public final class InFlightMessages implements Processor {

    public static final String GAUGE = "loadbce.oldest.message.age";
    /** The SQS system attribute the intake asks for; the consumer puts it in a header of that name. */
    public static final String SENT_TIMESTAMP = "SentTimestamp";

    private final Clock clock;
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    public InFlightMessages(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder(GAUGE, this, m -> m.oldestAge().toMillis() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest SQS message being processed now (0 when none)").register(meters);
    }

    @Override
    public void process(Exchange exchange) {
        String id = exchange.getExchangeId();
        sentAt.put(id, sentTime(exchange));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                sentAt.remove(id);
            }
        });
    }

    /** Since SQS received the oldest message in flight; zero when none is. */
    public Duration oldestAge() {
        Instant now = clock.instant();
        return sentAt.values().stream().map(t -> Duration.between(t, now)).max(Duration::compareTo)
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    /** Without the attribute (a test, another consumer setup), the time the service took the message. */
    private Instant sentTime(Exchange exchange) {
        Object millis = exchange.getMessage().getHeader(SENT_TIMESTAMP);
        if (millis != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(millis.toString()));
            } catch (NumberFormatException ignored) {
                // fall through to the receive time
            }
        }
        return clock.instant();
    }
}
