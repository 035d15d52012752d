package com.europages.loadbce.service;

import com.europages.loadbce.intake.Headers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Stands in for the transform route in intake tests: records each hand-off and fails for the keys it is told to. */
public final class HandoffProbe implements Processor {

    /** One hand-off: its key and SQS system attributes, recorded together so concurrent consumers cannot mix them. */
    private record Handoff(String key, Map<?, ?> sqsAttributes) {
    }

    private final List<Handoff> handoffs = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Every hand-off of this key will throw. */
    public void failFor(String key) {
        failing.add(key);
    }

    @Override
    public void process(Exchange exchange) {
        String key = exchange.getMessage().getHeader(Headers.KEY, String.class);
        handoffs.add(new Handoff(key, exchange.getMessage().getHeader("CamelAwsSqsAttributes", Map.of(), Map.class)));
        if (failing.contains(key)) {
            throw new IllegalStateException("simulated downstream failure for " + key);
        }
    }

    public List<String> keys() {
        return handoffs.stream().map(Handoff::key).toList();
    }

    /** The SQS system attributes of each hand-off of this key, in order (the intake asks for the ones it uses). */
    public List<Map<?, ?>> sqsAttributes(String key) {
        return handoffs.stream().filter(h -> h.key().equals(key)).<Map<?, ?>>map(Handoff::sqsAttributes).toList();
    }

    public long count(String key) {
        return handoffs.stream().filter(h -> h.key().equals(key)).count();
    }

    /** The route file that replaces routes/transform.camel.yaml in a copied routes folder. */
    public static String routeYaml() {
        return """
                - route:
                    id: transform
                    from:
                      uri: direct:transform
                      steps:
                        - process:
                            ref: handoffProbe
                """;
    }
}
