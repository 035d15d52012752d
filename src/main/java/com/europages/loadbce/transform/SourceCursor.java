package com.europages.loadbce.transform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one source column of a row group value by value (no row assembly): after {@link #next()} the row's value
 * is in {@link #isNull} and one of {@link #longValue}, {@link #doubleValue}, {@link #binaryValue}, by the column's kind.
 * A timestamp too far out to be held in microseconds is {@link #OUT_OF_RANGE}; a decimal whose unscaled value does not
 * fit a long is {@link #WIDE}, its bytes left in {@link #binaryValue}.
 */
final class SourceCursor {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** Millisecond values whose microseconds would overflow a long (far outside the loaded range anyway). */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1000;

    /** longValue of a timestamp that cannot be held in microseconds: below every range check. */
    static final long OUT_OF_RANGE = Long.MIN_VALUE;
    /** longValue of a decimal whose unscaled value needs more than 63 bits: see binaryValue. */
    static final long WIDE = Long.MIN_VALUE;

    final SourceColumn column;
    private final ColumnReader reader;
    private final SourceKind kind;
    private final PrimitiveTypeName physical;
    private final int maxDefinition;
    private final long totalValues;
    private final byte[] delimiter;
    private long valuesRead;
    private byte[] joinBuffer = new byte[256];

    private boolean byId;
    private Dictionary dictionary;

    boolean isNull;
    /** The value's entry in the chunk's dictionary, when read by id ({@link #readIds}). */
    int dictionaryId;
    long longValue;
    double doubleValue;
    Binary binaryValue;

    SourceCursor(SourceColumn column, ColumnReader reader, String delimiter) {
        this.column = column;
        this.reader = reader;
        this.kind = column.kind();
        this.physical = column.physical();
        this.maxDefinition = column.leaf().getMaxDefinitionLevel();
        this.totalValues = reader.getTotalValueCount();
        this.delimiter = delimiter == null ? new byte[0] : delimiter.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads ids of {@code chunkDictionary}, the chunk's dictionary, into {@link #dictionaryId} instead of values: every
     * data page must be dictionary-encoded.
     */
    void readIds(Dictionary chunkDictionary) {
        byId = true;
        dictionary = chunkDictionary;
    }

    /** The chunk's dictionary when read by id. */
    Dictionary dictionary() {
        return dictionary;
    }

    /** Moves to the next row. */
    void next() {
        if (byId) {
            nextId();
            return;
        }
        if (kind == SourceKind.STRING_LIST) {
            nextList();
            return;
        }
        if (reader.getCurrentDefinitionLevel() < maxDefinition) {
            isNull = true;
        } else {
            isNull = false;
            readValue();
        }
        reader.consume();
    }

    private void nextId() {
        isNull = reader.getCurrentDefinitionLevel() < maxDefinition;
        if (!isNull) {
            try {
                dictionaryId = reader.getCurrentValueDictionaryID();
            } catch (UnsupportedOperationException e) {
                throw new CorruptPageException("a data page is not dictionary-encoded, though the chunk's encoding "
                        + "stats say every page is", e);
            }
        }
        reader.consume();
    }

    private void readValue() {
        switch (kind) {
            case BOOLEAN -> longValue = reader.getBoolean() ? 1 : 0;
            case INTEGER, DATE -> longValue = physical == PrimitiveTypeName.INT32
                    ? (column.unsigned() ? reader.getInteger() & 0xFFFF_FFFFL : reader.getInteger())
                    : reader.getLong();
            case DECIMAL -> {
                switch (physical) {
                    case INT32 -> longValue = reader.getInteger();
                    case INT64 -> longValue = reader.getLong();
                    default -> {
                        binaryValue = reader.getBinary();
                        longValue = unscaled(binaryValue);
                    }
                }
            }
            case FLOATING -> doubleValue = switch (physical) {
                case FLOAT -> reader.getFloat();
                case DOUBLE -> reader.getDouble();
                default -> float16(reader.getBinary());
            };
            case TIMESTAMP -> longValue = physical == PrimitiveTypeName.INT96 ? int96Micros(reader.getBinary())
                    : switch (column.unit()) {
                        case MILLIS -> millisToMicros(reader.getLong());
                        case MICROS -> reader.getLong();
                        case NANOS -> Math.floorDiv(reader.getLong(), 1000);
                    };
            default -> binaryValue = reader.getBinary();
        }
    }

    /** Joins the row's non-null elements with the delimiter; a null list is null, an empty one is ''. */
    private void nextList() {
        int listDef = column.listDefinitionLevel();
        int def = reader.getCurrentDefinitionLevel();
        int length = 0;
        boolean first = true;
        isNull = def < listDef - 1;
        if (def >= listDef) {
            do {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    Binary b = reader.getBinary();
                    int need = length + (first ? 0 : delimiter.length) + b.length();
                    if (need > joinBuffer.length) {
                        joinBuffer = Arrays.copyOf(joinBuffer, Math.max(need, joinBuffer.length * 2));
                    }
                    if (!first) {
                        System.arraycopy(delimiter, 0, joinBuffer, length, delimiter.length);
                        length += delimiter.length;
                    }
                    b.toByteBuffer().get(joinBuffer, length, b.length());
                    length += b.length();
                    first = false;
                }
                reader.consume();
                valuesRead++;
            } while (valuesRead < totalValues && reader.getCurrentRepetitionLevel() > 0);
        } else {
            reader.consume();
            valuesRead++;
        }
        binaryValue = isNull ? null : Binary.fromConstantByteArray(Arrays.copyOf(joinBuffer, length));
    }

    /**
     * After the row group's rows: a list column must have no values left (a chunk holding more values than its row
     * group's rows is corrupt, as is a flat chunk whose value count differs from them, checked when it is opened).
     */
    void finish() {
        if (kind == SourceKind.STRING_LIST && valuesRead != totalValues) {
            throw new CorruptPageException("the column chunk holds " + totalValues + " values, the row group's rows use "
                    + valuesRead);
        }
    }

    /** Big-endian two's complement of any width into a long, or {@link #WIDE} when it needs more than 63 bits. */
    static long unscaled(Binary b) {
        byte[] bytes = b.getBytesUnsafe();
        int n = bytes.length;
        long sign = n > 0 && bytes[0] < 0 ? -1L : 0L;
        // bytes beyond the last eight must only extend the sign
        for (int i = 0; i < n - 8; i++) {
            if (bytes[i] != (byte) sign) {
                return WIDE;
            }
        }
        long v = sign;
        for (int i = Math.max(0, n - 8); i < n; i++) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        if (n > 8 && (v < 0) != (sign < 0)) {
            return WIDE;
        }
        return v;
    }

    /** IEEE 754 half precision, little endian (the Parquet FLOAT16 layout), widened exactly to a double. */
    static double float16(Binary b) {
        byte[] x = b.getBytesUnsafe();
        int bits = (x[0] & 0xFF) | (x[1] & 0xFF) << 8;
        int sign = bits >>> 15;
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude;
        if (exponent == 0x1F) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = fraction * 0x1p-24; // subnormal
        } else {
            magnitude = (1024 + fraction) * Math.scalb(1.0, exponent - 25);
        }
        return sign == 0 ? magnitude : -magnitude;
    }

    static long millisToMicros(long millis) {
        return millis > MAX_MILLIS || millis < -MAX_MILLIS ? OUT_OF_RANGE : millis * 1000;
    }

    /**
     * INT96 (Hive/Impala/Spark): 8 bytes nanos of day then 4 bytes Julian day, little endian. A day outside the loaded
     * range is {@link #OUT_OF_RANGE} before it can overflow (Spark writes Julian days far beyond 9999-12-31).
     */
    static long int96Micros(Binary b) {
        byte[] x = b.getBytesUnsafe();
        long nanosOfDay = 0;
        for (int i = 7; i >= 0; i--) {
            nanosOfDay = (nanosOfDay << 8) | (x[i] & 0xFF);
        }
        long julianDay = 0;
        for (int i = 11; i >= 8; i--) {
            julianDay = (julianDay << 8) | (x[i] & 0xFF);
        }
        long day = julianDay - JULIAN_EPOCH_DAY;
        if (!Timestamps.dayInRange(day)) {
            return OUT_OF_RANGE;
        }
        return day * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000);
    }
}
