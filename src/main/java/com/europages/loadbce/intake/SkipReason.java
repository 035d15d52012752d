package com.europages.loadbce.intake;

/** Why an S3 record is acknowledged without being loaded; the code is the metric tag and the log word. */
public enum SkipReason {
    NOT_CREATED("not-created"),
    OTHER_BUCKET("other-bucket"),
    OTHER_PREFIX("other-prefix"),
    NAME_MISMATCH("name-mismatch"),
    INVALID_DATE("invalid-date"),
    OUTSIDE_WINDOW("outside-window");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
