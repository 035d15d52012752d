package com.europages.loadbce.observe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition: {@code name{label="v",...} value}. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The sum of the samples of that name whose labels include the given ones; empty when there is none. */
    Optional<Double> value(String name, String... labelPairs) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher l = LABEL.matcher(m.group(3) == null ? "" : m.group(3));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            if (labels.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(m.group(4));
                found = true;
            }
        }
        return found ? Optional.of(sum) : Optional.empty();
    }

    /** The sample lines of names starting with the prefix, for the docs' examples. */
    String lines(String prefix) {
        return String.join("\n", Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).toList());
    }

    @Override
    public String toString() {
        return text;
    }
}
