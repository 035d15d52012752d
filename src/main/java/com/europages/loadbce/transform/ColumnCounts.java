package com.europages.loadbce.transform;

/** Per target column: values replaced by the fill (null, NaN, empty text), unconvertible values (also filled), truncated strings. */
public record ColumnCounts(long replaced, long unconvertible, long truncated) {
}
