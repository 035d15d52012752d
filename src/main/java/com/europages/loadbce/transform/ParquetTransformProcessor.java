package com.europages.loadbce.transform;

import com.europages.loadbce.intake.Headers;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel step of the transform route: body = the downloaded temp file (Path), header DataFlowKey = its S3 key;
 * afterwards body = the transformed temp file and header DataFlowTransformReport = the {@link TransformReport}.
 */
public final class ParquetTransformProcessor implements Processor {
    /** Header holding the {@link TransformReport} after the step. */
    public static final String REPORT_HEADER = "DataFlowTransformReport";
    private static final Logger LOG = LoggerFactory.getLogger(ParquetTransformProcessor.class);

    private final ParquetTransformer transformer;
    private final Path tempDir;

    public ParquetTransformProcessor(ParquetTransformer transformer, Path tempDir) {
        this.transformer = transformer;
        this.tempDir = tempDir;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Path in = exchange.getIn().getMandatoryBody(Path.class);
        String key = exchange.getIn().getHeader(Headers.KEY, String.class);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("header " + Headers.KEY + " (the source S3 key) is required");
        }
        Path out = TempFiles.create(exchange, tempDir, "transformed-");
        TransformReport report = transformer.transform(in, out, key);
        LOG.info(report.logLine());
        exchange.getIn().setBody(out);
        exchange.getIn().setHeader(REPORT_HEADER, report);
    }
}
