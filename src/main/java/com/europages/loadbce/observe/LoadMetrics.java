package com.europages.loadbce.observe;

import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import com.europages.loadbce.warehouse.LoadFigures;
import com.europages.loadbce.warehouse.LoadResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Load route step after the warehouse load: adds the file's rows, replacements and durations to the metrics. */
public final class LoadMetrics implements Processor {

    public static final String ROWS_READ = "loadbce.rows.read";
    public static final String ROWS_LOADED = "loadbce.rows.loaded";
    public static final String ROWS_UNMATCHED = "loadbce.rows.unmatched";
    public static final String VALUES_REPLACED = "loadbce.values.replaced";
    public static final String VALUES_UNCONVERTIBLE = "loadbce.values.unconvertible";
    public static final String VALUES_TRUNCATED = "loadbce.values.truncated";
    public static final String TRANSFORM_TIME = "loadbce.file.transform";
    public static final String LOAD_TIME = "loadbce.file.load";
    public static final String COLUMNS_DROPPED = "loadbce.columns.dropped";
    public static final String COLUMNS_FILLED = "loadbce.columns.filled";

    private final Counter rowsRead;
    private final Counter rowsLoaded;
    private final Counter rowsUnmatched;
    private final Counter valuesReplaced;
    private final Counter valuesUnconvertible;
    private final Counter valuesTruncated;
    private final Timer transformTime;
    private final Timer loadTime;
    private final Counter columnsDropped;
    private final Counter columnsFilled;

    /** Registers every meter now, so a scrape before the first file already sees them at zero. */
    public LoadMetrics(MeterRegistry meters) {
        rowsRead = Counter.builder(ROWS_READ).description("Rows read from the Data Flow files").register(meters);
        rowsLoaded = Counter.builder(ROWS_LOADED).description("Rows written to the final table").register(meters);
        rowsUnmatched = Counter.builder(ROWS_UNMATCHED)
                .description("Rows loaded without a matching BCE company").register(meters);
        valuesReplaced = Counter.builder(VALUES_REPLACED)
                .description("Null/NaN values replaced by the column's fill value").register(meters);
        valuesUnconvertible = Counter.builder(VALUES_UNCONVERTIBLE)
                .description("Values that could not be converted and became the fill value").register(meters);
        valuesTruncated = Counter.builder(VALUES_TRUNCATED)
                .description("Strings cut to their varchar length").register(meters);
        transformTime = Timer.builder(TRANSFORM_TIME).description("Transform time per file").register(meters);
        loadTime = Timer.builder(LOAD_TIME).description("Warehouse load time per file").register(meters);
        columnsDropped = Counter.builder(COLUMNS_DROPPED)
                .description("Source columns the contract does not name, summed over loaded files").register(meters);
        columnsFilled = Counter.builder(COLUMNS_FILLED)
                .description("Contract columns a loaded file lacked and that took their fill").register(meters);
    }

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        TransformReport report = m.getHeader(ParquetTransformProcessor.REPORT_HEADER, TransformReport.class);
        LoadResult result = m.getHeader(LoadFigures.RESULT_HEADER, LoadResult.class);
        if (report == null || result == null) {
            throw new IllegalStateException("the load metrics step runs after the transform and the load");
        }
        rowsRead.increment(report.rowsIn());
        rowsLoaded.increment(result.rowsLoaded());
        rowsUnmatched.increment(result.rowsUnmatched());
        valuesReplaced.increment(report.totalReplaced());
        valuesUnconvertible.increment(report.totalUnconvertible());
        valuesTruncated.increment(report.totalTruncated());
        transformTime.record(Duration.ofMillis(report.millis()));
        loadTime.record(Duration.ofMillis(result.loadMillis()));
        columnsDropped.increment(report.droppedColumns().size());
        columnsFilled.increment(report.filledColumns().size());
    }
}
