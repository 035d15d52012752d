package com.europages.loadbce.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;

/**
 * The pipeline's counter names, and their totals for reports (files loaded, rejected, skipped, failures). The names
 * are given here only: the routes refer to them as property placeholders ({{metric.files-loaded}}, ...), so a route
 * naming an unknown one does not start.
 */
public final class PipelineMetrics {

    public static final String FILES_LOADED = "loadbce.files.loaded";
    public static final String FILES_REJECTED = "loadbce.files.rejected";
    public static final String MESSAGES_REJECTED = "loadbce.messages.rejected";
    public static final String MESSAGES_FAILED = "loadbce.messages.failed";
    public static final String RECORDS_SKIPPED = "loadbce.records.skipped";
    public static final String RECORDS_ACCEPTED = "loadbce.records.accepted";

    /** The placeholders the routes count with, and the names they stand for. */
    private static final Map<String, String> ROUTE_PLACEHOLDERS = Map.of(
            "metric.files-loaded", FILES_LOADED,
            "metric.files-rejected", FILES_REJECTED,
            "metric.messages-rejected", MESSAGES_REJECTED,
            "metric.records-skipped", RECORDS_SKIPPED,
            "metric.records-accepted", RECORDS_ACCEPTED);

    private final MeterRegistry meters;

    public PipelineMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The settings with the counter placeholders of the routes added, for Camel's property placeholders. */
    public static Properties withRoutePlaceholders(Properties settings) {
        Properties all = new Properties();
        all.putAll(settings);
        all.putAll(ROUTE_PLACEHOLDERS);
        return all;
    }

    /** The total over every tag combination (files.rejected carries a reason). */
    public long count(String name) {
        return (long) meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Skipped records of every reason. */
    public long skipped() {
        return (long) meters.find(RECORDS_SKIPPED).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Permanent failures: rejected messages and files. */
    public long rejected() {
        return count(FILES_REJECTED) + count(MESSAGES_REJECTED);
    }
}
