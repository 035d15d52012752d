package com.europages.loadbce.transform;

/** What a source column holds once decoded, whatever its physical encoding (int32/int64/INT96/binary/fixed...). */
public enum SourceKind {
    BOOLEAN,
    /** Signed integer of any width. */
    INTEGER,
    /** Unscaled long plus the column's scale. */
    DECIMAL,
    /** float or double, decoded as double (float widens exactly). */
    FLOATING,
    /** UTF-8 text. */
    STRING,
    /** Days since 1970-01-01. */
    DATE,
    /** Microseconds since 1970-01-01 00:00 UTC (millis, micros, nanos and INT96 are normalised to it). */
    TIMESTAMP,
    /** A list of strings, joined with the contract's delimiter. */
    STRING_LIST
}
