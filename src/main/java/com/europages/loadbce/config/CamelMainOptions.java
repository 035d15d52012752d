package com.europages.loadbce.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The options of Camel Main's own groups ({@code camel.main.*}, {@code camel.management.*}, {@code camel.metrics.*},
 * ...), read from the metadata camel-main ships, so a misspelt one is refused with the other settings, before
 * anything starts, instead of by Camel Main's binding once the embedded services are up.
 */
final class CamelMainOptions {

    private static final String METADATA = "META-INF/camel-main-configuration-metadata.json";

    private final Set<String> groups = new HashSet<>();
    private final Set<String> options = new HashSet<>();

    private CamelMainOptions(JsonNode metadata) {
        metadata.path("groups").forEach(g -> groups.add(normalized(g.path("name").asText())));
        metadata.path("properties").forEach(p -> options.add(normalized(p.path("name").asText())));
    }

    /** Camel Main's options, from the camel-main jar on the class path. */
    static CamelMainOptions load() {
        try (InputStream in = CamelMainOptions.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is not on the class path: is camel-main missing?");
            }
            return new CamelMainOptions(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + METADATA, e);
        }
    }

    /**
     * True when the key is a plain option of one of Camel Main's groups that Camel Main does not have. Keys of other
     * prefixes ({@code camel.component.*}, {@code camel.beans.*}) and nested or indexed options are left to Camel.
     */
    boolean isUnknown(String key) {
        String k = normalized(key);
        String group = null;
        for (String g : groups) {
            if (k.startsWith(g + ".") && (group == null || g.length() > group.length())) {
                group = g;
            }
        }
        if (group == null) {
            return false;
        }
        String option = k.substring(group.length() + 1);
        return !option.contains(".") && !option.contains("[") && !options.contains(k);
    }

    /** As Camel binds them: case and dashes do not count ({@code shutdown-timeout} is {@code shutdownTimeout}). */
    private static String normalized(String key) {
        return key.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
