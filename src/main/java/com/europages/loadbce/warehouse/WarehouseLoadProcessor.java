package com.europages.loadbce.warehouse;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import java.time.LocalDate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Camel step of the load route: the transformed file named by the headers into the warehouse, via {@link WarehouseLoader}. */
public final class WarehouseLoadProcessor implements Processor {

    /** Header holding the {@link LoadResult} after the step. */
    public static final String RESULT_HEADER = "DataFlowLoadResult";

    private final WarehouseLoader loader;

    public WarehouseLoadProcessor(WarehouseLoader loader) {
        this.loader = loader;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        TransformReport report = m.getHeader(ParquetTransformProcessor.REPORT_HEADER, TransformReport.class);
        if (report == null) {
            throw new IllegalStateException("header " + ParquetTransformProcessor.REPORT_HEADER + " missing: "
                    + "the load route runs after the transform");
        }
        LoadRequest request = new LoadRequest(
                m.getHeader(Headers.KEY, String.class),
                m.getHeader(Headers.ETAG, "", String.class),
                LocalDate.parse(m.getHeader(Headers.DATE, String.class)),
                report.rowsIn(), report.rowsOut(), report.totalReplaced(), report.totalUnconvertible(),
                report.millis());
        m.setHeader(RESULT_HEADER, loader.load(request));
    }
}
