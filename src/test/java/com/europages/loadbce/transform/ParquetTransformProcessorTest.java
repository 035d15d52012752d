package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.intake.Headers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Camel step: temp file and S3 key in, transformed temp file and report out. */
class ParquetTransformProcessorTest {
    @TempDir
    Path dir;
    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void bodyBecomesTheTransformedFileAndTheReportIsAHeader() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("download.parquet"), "message m { optional int64 n; }",
                List.of(g -> g.add("n", 5L), g -> { }));
        ColumnContract contract = ColumnContract.parse("columns: [{name: n, type: integer}]", "t");
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(in);
        exchange.getIn().setHeader(Headers.KEY, "staging/dataflow_europages_20261126_00_1.parquet");

        new ParquetTransformProcessor(new ParquetTransformer(contract), dir.resolve("work")).process(exchange);

        Path out = exchange.getIn().getBody(Path.class);
        assertThat(out).isNotEqualTo(in).startsWith(dir.resolve("work"));
        assertThat(Files.size(out)).isPositive();
        TransformReport report = exchange.getIn().getHeader(ParquetTransformProcessor.REPORT_HEADER, TransformReport.class);
        assertThat(report.sourceKey()).isEqualTo("staging/dataflow_europages_20261126_00_1.parquet");
        assertThat(report.rowsOut()).isEqualTo(2);
        assertThat(report.columns().get("n")).isEqualTo(new ColumnCounts(1, 0, 0, 0));
        try (DuckDb db = new DuckDb()) {
            assertThat(db.strings("SELECT n || ' ' || source_key FROM read_parquet('" + out + "')"))
                    .containsExactly("5 staging/dataflow_europages_20261126_00_1.parquet",
                            "0 staging/dataflow_europages_20261126_00_1.parquet");
        }
    }

    @Test
    void missingSourceKeyIsRefused() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(dir.resolve("x.parquet"));
        ColumnContract contract = ColumnContract.parse("columns: [{name: n, type: integer}]", "t");

        assertThatThrownBy(() -> new ParquetTransformProcessor(new ParquetTransformer(contract), null).process(exchange))
                .hasMessageContaining(Headers.KEY);
    }
}
