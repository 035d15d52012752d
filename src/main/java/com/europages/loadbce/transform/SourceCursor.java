package com.europages.loadbce.transform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one source column of a row group value by value (no row assembly): after {@link #next()} the row's value
 * is in {@link #isNull} and one of {@link #longValue}, {@link #doubleValue}, {@link #binaryValue}, by the column's kind.
 */
final class SourceCursor {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    final SourceColumn column;
    private final ColumnReader reader;
    private final SourceKind kind;
    private final PrimitiveTypeName physical;
    private final int maxDefinition;
    private final long totalValues;
    private final byte[] delimiter;
    private long valuesRead;
    private byte[] joinBuffer = new byte[256];

    boolean isNull;
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

    /** Moves to the next row. */
    void next() {
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

    private void readValue() {
        switch (kind) {
            case BOOLEAN -> longValue = reader.getBoolean() ? 1 : 0;
            case INTEGER, DATE -> longValue = physical == PrimitiveTypeName.INT32
                    ? (column.unsigned() ? reader.getInteger() & 0xFFFF_FFFFL : reader.getInteger())
                    : reader.getLong();
            case DECIMAL -> longValue = switch (physical) {
                case INT32 -> reader.getInteger();
                case INT64 -> reader.getLong();
                default -> unscaled(reader.getBinary());
            };
            case FLOATING -> doubleValue = physical == PrimitiveTypeName.FLOAT ? reader.getFloat() : reader.getDouble();
            case TIMESTAMP -> longValue = physical == PrimitiveTypeName.INT96 ? int96Micros(reader.getBinary())
                    : switch (column.unit()) {
                        case MILLIS -> reader.getLong() * 1000;
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

    /** Big-endian two's complement of any width into a long (the precision is at most 18, so it fits). */
    static long unscaled(Binary b) {
        byte[] bytes = b.getBytesUnsafe();
        long v = bytes.length > 0 && bytes[0] < 0 ? -1L : 0L;
        for (byte x : bytes) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    /** INT96 (Hive/Impala/Spark): 8 bytes nanos of day then 4 bytes Julian day, little endian. */
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
        return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000);
    }
}
