package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A key repeated in a route file is silently replaced by its last value: the shipped routes repeat none. */
class RouteFilesHaveNoRepeatedKeysTest {

    private static final LoadSettings STRICT = LoadSettings.builder().setAllowDuplicateKeys(false).build();

    @Test
    void everyRouteFileParsesWithRepeatedKeysRefused() throws Exception {
        List<Path> routes;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            routes = files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(routes).hasSizeGreaterThanOrEqualTo(5);
        for (Path route : routes) {
            String yaml = Files.readString(route);
            assertThatCode(() -> new Load(STRICT).loadFromString(yaml)).as(route.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void aRepeatedKeyIsRefused() {
        String yaml = """
                - route:
                    from:
                      uri: aws2-sqs:q
                      parameters:
                        attributeNames: ApproximateReceiveCount
                        attributeNames: SentTimestamp
                """;
        assertThatCode(() -> new Load(STRICT).loadFromString(yaml)).hasMessageContaining("attributeNames");
    }
}
