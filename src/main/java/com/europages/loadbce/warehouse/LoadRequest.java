package com.europages.loadbce.warehouse;

import java.time.LocalDate;

/** One transformed file to load, with the transform's figures for the audit row. */
public record LoadRequest(String sourceKey, String eTag, LocalDate fileDate, long rowsRead, long rowsWritten,
                          long valuesReplaced, long valuesUnconvertible, long transformMillis) {
}
