package com.europages.loadbce.service;

import com.europages.loadbce.intake.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Stands in for the transform route in intake tests: records each hand-off and fails for the keys it is told to. */
public final class HandoffProbe implements Processor {

    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<Map<?, ?>> sqsAttributes = new CopyOnWriteArrayList<>();

    /** Every hand-off of this key will throw. */
    public void failFor(String key) {
        failing.add(key);
    }

    @Override
    public void process(Exchange exchange) {
        String key = exchange.getMessage().getHeader(Headers.KEY, String.class);
        keys.add(key);
        sqsAttributes.add(exchange.getMessage().getHeader("CamelAwsSqsAttributes", Map.of(), Map.class));
        if (failing.contains(key)) {
            throw new IllegalStateException("simulated downstream failure for " + key);
        }
    }

    public List<String> keys() {
        return keys;
    }

    /** The SQS system attributes of each hand-off of this key, in order (the intake asks for the ones it uses). */
    public List<Map<?, ?>> sqsAttributes(String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (key.equals(keys.get(i))) {
                out.add(sqsAttributes.get(i));
            }
        }
        return out;
    }

    public long count(String key) {
        return keys.stream().filter(key::equals).count();
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
