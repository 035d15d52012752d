package com.europages.loadbce.transform;

/** What a source column holds once decoded, whatever its physical encoding (int32/int64/INT96/binary/fixed...). */
public enum SourceKind {
    BOOLEAN,
    /** Integer of any width, signed or unsigned (an unsigned 64-bit value above 2^63 - 1 is held as a negative long). */
    INTEGER,
    /** Unscaled long plus the column's scale; when the unscaled value needs more than 63 bits, its bytes. */
    DECIMAL,
    /** float, double or FLOAT16, decoded as double (float and half widen exactly). */
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
