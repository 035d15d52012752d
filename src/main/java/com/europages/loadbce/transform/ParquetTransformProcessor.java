package com.europages.loadbce.transform;

import com.europages.loadbce.FailureMessage;
import com.europages.loadbce.intake.Headers;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
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
    /** Without a configuration, parquet-hadoop builds a Hadoop one: its XML defaults parsed again for every file. */
    private static final ParquetReadOptions FOOTER_OPTIONS = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

    private final ParquetTransformer transformer;
    private final Path tempDir;
    private final long maxRows;

    public ParquetTransformProcessor(ParquetTransformer transformer, Path tempDir) {
        this(transformer, tempDir, Long.MAX_VALUE);
    }

    /** @param maxRows files with more rows are rejected (permanent) before any work: input size is bounded */
    public ParquetTransformProcessor(ParquetTransformer transformer, Path tempDir, long maxRows) {
        this.transformer = transformer;
        this.tempDir = tempDir;
        this.maxRows = maxRows;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Path in = exchange.getIn().getMandatoryBody(Path.class);
        String key = exchange.getIn().getHeader(Headers.KEY, String.class);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("header " + Headers.KEY + " (the source S3 key) is required");
        }
        long rows = rowCount(in, key);
        if (rows > maxRows) {
            throw new TransformException("File " + key + " has " + rows + " rows, more than transform.max-rows=" + maxRows);
        }
        Path out = TempFiles.create(exchange, tempDir, "transformed-");
        TransformReport report;
        try {
            report = transformer.transform(in, out, key);
        } catch (IOException e) {
            // the transformer turns unreadable input into a TransformException: what is left is writing the output
            // (a full disk), transient: the message is retried
            throw new IOException("Cannot write the transformed file to " + TempFiles.folder(tempDir) + ": " + e, e);
        }
        LOG.info(report.logLine());
        if (LOG.isDebugEnabled()) {
            LOG.debug(report.columnsLine());
        }
        exchange.getIn().setBody(out);
        exchange.getIn().setHeader(REPORT_HEADER, report);
    }

    /** The footer's row count; an unreadable footer is a corrupt or non-Parquet object (permanent). */
    static long rowCount(Path in, String key) {
        try (ParquetFileReader reader = ParquetFileReader.open(new NamedInputFile(in, key), FOOTER_OPTIONS)) {
            return reader.getRecordCount();
        } catch (IOException | RuntimeException e) {
            // parquet-hadoop reports a bad magic number or footer as a RuntimeException, a short file as an IOException
            throw new TransformException("Not a readable Parquet file: " + key + ": " + FailureMessage.of(e), e);
        }
    }
}
