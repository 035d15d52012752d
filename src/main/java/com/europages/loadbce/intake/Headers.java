package com.europages.loadbce.intake;

/** Names of the exchange headers an accepted S3 record carries from the intake to the transform and load routes. */
public final class Headers {
    public static final String BUCKET = "DataFlowBucket";
    public static final String KEY = "DataFlowKey";
    public static final String FILE_NAME = "DataFlowFileName";
    public static final String SIZE = "DataFlowSize";
    public static final String ETAG = "DataFlowETag";
    public static final String EVENT_NAME = "DataFlowEventName";
    /** ISO date (yyyy-MM-dd) of the file, from its name. */
    public static final String DATE = "DataFlowDate";
    public static final String HOUR = "DataFlowHour";
    public static final String PART = "DataFlowPart";
    /** Set only on skipped records: a {@link SkipReason} code. */
    public static final String SKIP_REASON = "DataFlowSkipReason";
    public static final String SKIP_DETAIL = "DataFlowSkipDetail";
    /**
     * "true" on messages the `backfill` command queued: the SQS message attribute of that name, which the intake
     * consumer copies into a header. Lifts only the previous-day rule; bucket, prefix and name rules still apply.
     */
    public static final String BACKFILL = "LoadBceBackfill";

    private Headers() {
    }
}
