package com.europages.loadbce.warehouse;

import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The values a file's load binds by name in routes/sql (:?DataFlowRowsRead, ...), from the transform's report and
 * the clock, and the {@link LoadResult} once the load has counted its rows. It runs no SQL: the load route does.
 */
public class LoadFigures {

    /** Header holding the {@link LoadResult} after {@link #counted}. */
    public static final String RESULT_HEADER = "DataFlowLoadResult";
    static final String ROWS_READ = "DataFlowRowsRead";
    static final String ROWS_WRITTEN = "DataFlowRowsWritten";
    static final String VALUES_REPLACED = "DataFlowValuesReplaced";
    static final String VALUES_UNCONVERTIBLE = "DataFlowValuesUnconvertible";
    static final String TRANSFORM_MS = "DataFlowTransformMs";
    static final String LOADED_AT = "DataFlowLoadedAt";
    static final String COLUMNS_DROPPED = "DataFlowColumnsDropped";
    static final String COLUMNS_FILLED = "DataFlowColumnsFilled";
    /** Set by the load route from the counts query (load-counts.sql). */
    static final String ROWS_LOADED = "DataFlowRowsLoaded";
    static final String ROWS_MATCHED = "DataFlowRowsMatched";
    static final String ROWS_UNMATCHED = "DataFlowRowsUnmatched";
    static final String LOAD_MS = "DataFlowLoadMs";
    private static final String STARTED = "DataFlowLoadStartedNanos";

    private final Clock clock;

    public LoadFigures(Clock clock) {
        this.clock = clock;
    }

    /** First step of the load route: the transform's figures and the load time, as headers the SQL binds. */
    public void start(Exchange exchange) {
        Message m = exchange.getMessage();
        TransformReport report = m.getHeader(ParquetTransformProcessor.REPORT_HEADER, TransformReport.class);
        if (report == null) {
            throw new IllegalStateException("header " + ParquetTransformProcessor.REPORT_HEADER + " missing: "
                    + "the load route runs after the transform");
        }
        exchange.setProperty(STARTED, System.nanoTime());
        m.setHeader(ROWS_READ, report.rowsIn());
        m.setHeader(ROWS_WRITTEN, report.rowsOut());
        m.setHeader(VALUES_REPLACED, report.totalReplaced());
        m.setHeader(VALUES_UNCONVERTIBLE, report.totalUnconvertible());
        m.setHeader(TRANSFORM_MS, report.millis());
        // schema drift, for the audit row: source columns the contract does not name, contract columns filled
        m.setHeader(COLUMNS_DROPPED, String.join(",", report.droppedColumns()));
        m.setHeader(COLUMNS_FILLED, String.join(",", report.filledColumns()));
        // the clock that decides "yesterday": the demo and tests find a run's rows by it
        m.setHeader(LOADED_AT, now());
    }

    /** The time the warehouse rows carry (loaded_at, rejected_at): the clock that decides "yesterday". */
    public Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }

    /** After the counts: rows without a company, the load's duration so far, and the {@link LoadResult}. */
    public void counted(Exchange exchange) {
        Message m = exchange.getMessage();
        long loaded = m.getHeader(ROWS_LOADED, 0L, Long.class);
        long matched = m.getHeader(ROWS_MATCHED, 0L, Long.class);
        Long started = exchange.getProperty(STARTED, Long.class);
        long loadMillis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        m.setHeader(ROWS_UNMATCHED, loaded - matched);
        m.setHeader(LOAD_MS, loadMillis);
        m.setHeader(RESULT_HEADER, new LoadResult(loaded, matched, loaded - matched, loadMillis));
    }
}
