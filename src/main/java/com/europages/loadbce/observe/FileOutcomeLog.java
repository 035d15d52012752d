package com.europages.loadbce.observe;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.warehouse.LoadFigures;
import com.europages.loadbce.warehouse.LoadResult;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One log line per file (logger {@code com.europages.loadbce.files}): key, outcome (loaded, rejected, skipped, failed), rows
 * loaded and duration. The transform route starts the clock, the load and reject-file routes mark their outcome
 * as their last step, and the route's doFinally writes the line: a file whose path did not complete has failed.
 */
public final class FileOutcomeLog {

    public static final String LOGGER = "com.europages.loadbce.files";
    static final String STARTED = "DataFlowStartedNanos";
    static final String OUTCOME = "DataFlowOutcome";

    private static final Logger LOG = LogManager.getLogger(LOGGER);

    /** First step of the transform route. */
    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
        exchange.removeProperty(OUTCOME);
    }

    /** Last step of the load route. */
    public void loaded(Exchange exchange) {
        exchange.setProperty(OUTCOME, "loaded");
    }

    /** A record the transform route skipped after all (its event is stale). */
    public void skipped(Exchange exchange) {
        exchange.setProperty(OUTCOME, "skipped");
    }

    /** Last step of the reject-file route, once the error queue has the file. */
    public void rejected(Exchange exchange) {
        exchange.setProperty(OUTCOME, "rejected");
    }

    /** The transform route's doFinally: writes the line. */
    public void finish(Exchange exchange) {
        String outcome = exchange.getProperty(OUTCOME, "failed", String.class);
        Long started = exchange.getProperty(STARTED, Long.class);
        long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        LoadResult result = exchange.getMessage().getHeader(LoadFigures.RESULT_HEADER, LoadResult.class);
        long rows = "loaded".equals(outcome) && result != null ? result.rowsLoaded() : 0;
        String reason = switch (outcome) {
            case "loaded" -> null;
            case "rejected" -> exchange.getMessage().getHeader("ErrorReason", String.class);
            case "skipped" -> exchange.getMessage().getHeader(Headers.SKIP_REASON, String.class);
            default -> failure(exchange);
        };
        FileOutcomeMessage line = new FileOutcomeMessage(exchange.getMessage().getHeader(Headers.KEY, String.class),
                outcome, rows, millis, reason);
        if ("loaded".equals(outcome)) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }

    /**
     * doFinally keeps the exception aside in a property while it runs. A transaction's error handler wraps what
     * failed in a RuntimeCamelException: the line names what failed.
     */
    private static String failure(Exchange exchange) {
        Throwable e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        while (e instanceof RuntimeCamelException && e.getCause() != null) {
            e = e.getCause();
        }
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
