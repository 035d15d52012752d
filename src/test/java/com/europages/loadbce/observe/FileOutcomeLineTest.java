package com.europages.loadbce.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.LogSetup;
import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.warehouse.LoadFigures;
import com.europages.loadbce.warehouse.LoadResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each file's outcome is one line of the files logger: with app.log-format=json a JSON object with its fields. */
class FileOutcomeLineTest {

    private final FileOutcomeLog log = new FileOutcomeLog();
    private final PrintStream originalOut = System.out;

    @AfterEach
    void restoreTextLogs() {
        System.setOut(originalOut);
        System.clearProperty(LogSetup.FORMAT);
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
    }

    /** Logs the three outcomes with log4j2.xml reconfigured for the format, and returns the console lines. */
    private List<String> logThreeFiles(String format) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(LogSetup.FORMAT, format);
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            file(camel, "staging/dataflow_europages_20220501_05_1.parquet", e -> {
                e.getMessage().setHeader(LoadFigures.RESULT_HEADER, new LoadResult(300, 280, 20, 40));
                log.loaded(e);
            });
            file(camel, "staging/dataflow_europages_20220501_06_1.parquet", e -> {
                e.getMessage().setHeader("ErrorReason", "not a Parquet file");
                log.rejected(e);
            });
            file(camel, "staging/dataflow_europages_20220501_07_1.parquet", e ->
                    e.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException("S3 unreachable")));
        }
        System.out.flush();
        List<String> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("dataflow_europages_")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private void file(DefaultCamelContext camel, String key, Consumer<Exchange> path) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader(Headers.KEY, key);
        log.start(e);
        path.accept(e);
        log.finish(e);
    }

    @Test
    void jsonLinesCarryKeyOutcomeRowsAndDuration() throws Exception {
        List<String> lines = logThreeFiles("json");
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(json.readTree(line));
        }
        for (JsonNode n : parsed) {
            assertThat(n.path("logger").asText()).isEqualTo(FileOutcomeLog.LOGGER);
            assertThat(n.path("key").asText()).startsWith("staging/dataflow_europages_20220501_");
            assertThat(n.path("duration_ms").isNumber()).isTrue();
            assertThat(n.path("time").asText()).isNotEmpty();
        }
        assertThat(Map.of("outcome", parsed.get(0).path("outcome").asText(), "rows", parsed.get(0).path("rows").asLong(),
                "level", parsed.get(0).path("level").asText()))
                .isEqualTo(Map.of("outcome", "loaded", "rows", 300L, "level", "INFO"));
        assertThat(parsed.get(1).path("outcome").asText()).isEqualTo("rejected");
        assertThat(parsed.get(1).path("reason").asText()).isEqualTo("not a Parquet file");
        assertThat(parsed.get(1).path("rows").asLong()).isZero();
        assertThat(parsed.get(2).path("outcome").asText()).isEqualTo("failed");
        assertThat(parsed.get(2).path("reason").asText()).isEqualTo("IOException: S3 unreachable");
        assertThat(parsed.get(2).path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void textLinesReadInTheSameOrder() throws Exception {
        List<String> lines = logThreeFiles("text");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("c.e.l.files - File staging/dataflow_europages_20220501_05_1.parquet loaded: "
                + "rows=300 duration_ms=");
        assertThat(lines.get(1)).contains("rejected: rows=0 duration_ms=").endsWith("reason=not a Parquet file");
        assertThat(lines.get(2)).contains("failed: rows=0").endsWith("reason=IOException: S3 unreachable");
        assertThat(lines.get(0)).doesNotStartWith("{");
    }
}
