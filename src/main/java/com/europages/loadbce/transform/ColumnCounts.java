package com.europages.loadbce.transform;

/**
 * Per target column: values replaced by the fill (null, NaN, empty text), unconvertible values (also filled), truncated
 * strings, and strings kept with their invalid UTF-8 sequences replaced by U+FFFD (invalid_utf8: replace).
 */
public record ColumnCounts(long replaced, long unconvertible, long truncated, long invalidUtf8) {
}
