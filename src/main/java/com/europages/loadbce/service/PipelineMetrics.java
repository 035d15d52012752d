package com.europages.loadbce.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the pipeline's counters (named in the routes) for reports: files loaded, rejected, skipped, failures. */
public final class PipelineMetrics {

    public static final String FILES_LOADED = "loadbce.files.loaded";
    public static final String FILES_REJECTED = "loadbce.files.rejected";
    public static final String MESSAGES_REJECTED = "loadbce.messages.rejected";
    public static final String MESSAGES_FAILED = "loadbce.messages.failed";
    public static final String RECORDS_SKIPPED = "loadbce.records.skipped";
    public static final String RECORDS_ACCEPTED = "loadbce.records.accepted";

    private final MeterRegistry meters;

    public PipelineMetrics(MeterRegistry meters) {
        this.meters = meters;
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
