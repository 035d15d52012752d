package com.europages.loadbce.transform;

import static com.europages.loadbce.transform.TextValues.BAD;
import static com.europages.loadbce.transform.TextValues.MISSING;
import static com.europages.loadbce.transform.TextValues.VALUE;

import com.europages.loadbce.transform.TargetType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Converts one source column to one contract column, value by value, and counts what it replaced.
 * The semantics (mirrored in SQL by {@link DuckDbTransformSql}): integers from fractions truncate toward zero,
 * decimals round half away from zero, out-of-range or unparsable values are unconvertible, null/NaN/blank become the fill,
 * timestamps and dates outside years 0001-9999 are unconvertible, varchar values are always valid UTF-8.
 */
final class ColumnTransform {
    private static final long[] POW10 = new long[19];
    private static final Map<Kind, Set<SourceKind>> SUPPORTED = Map.of(
            Kind.SMALLINT, EnumSet.of(SourceKind.INTEGER, SourceKind.BOOLEAN, SourceKind.DECIMAL, SourceKind.FLOATING, SourceKind.STRING),
            Kind.INTEGER, EnumSet.of(SourceKind.INTEGER, SourceKind.BOOLEAN, SourceKind.DECIMAL, SourceKind.FLOATING, SourceKind.STRING),
            Kind.BIGINT, EnumSet.of(SourceKind.INTEGER, SourceKind.BOOLEAN, SourceKind.DECIMAL, SourceKind.FLOATING, SourceKind.STRING),
            Kind.REAL, EnumSet.of(SourceKind.INTEGER, SourceKind.BOOLEAN, SourceKind.DECIMAL, SourceKind.FLOATING, SourceKind.STRING),
            Kind.DOUBLE, EnumSet.of(SourceKind.INTEGER, SourceKind.BOOLEAN, SourceKind.DECIMAL, SourceKind.FLOATING, SourceKind.STRING),
            Kind.DECIMAL, EnumSet.of(SourceKind.INTEGER, SourceKind.DECIMAL, SourceKind.FLOATING, SourceKind.STRING),
            Kind.BOOLEAN, EnumSet.of(SourceKind.BOOLEAN, SourceKind.INTEGER, SourceKind.FLOATING, SourceKind.STRING),
            Kind.VARCHAR, EnumSet.of(SourceKind.STRING, SourceKind.STRING_LIST, SourceKind.INTEGER, SourceKind.BOOLEAN,
                    SourceKind.DECIMAL, SourceKind.DATE),
            Kind.DATE, EnumSet.of(SourceKind.DATE, SourceKind.TIMESTAMP, SourceKind.STRING),
            Kind.TIMESTAMP, EnumSet.of(SourceKind.TIMESTAMP, SourceKind.DATE, SourceKind.STRING));

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    final ContractColumn column;
    final SourceColumn source;
    private final TargetType type;
    private final Kind kind;
    private final SourceKind from;
    private final OverflowPolicy overflow;
    private final InvalidUtf8Policy invalidUtf8;
    private final String file;
    private final Binary fillBinary;
    /** An unsigned 64-bit source: a negative long is a value of 2^63 or more. */
    private final boolean unsigned64;
    private int rowGroup;
    private final long[] parsed = new long[1];
    private long longResult;
    private double doubleResult;
    private Binary binaryResult;
    private long replaced;
    private long unconvertible;
    private long truncated;
    private long invalidUtf8Count;

    ColumnTransform(ContractColumn column, SourceColumn source, OverflowPolicy overflow, InvalidUtf8Policy invalidUtf8,
                    String file) {
        this.column = column;
        this.source = source;
        this.type = column.type();
        this.kind = type.kind();
        this.from = source == null ? null : source.kind();
        this.overflow = overflow;
        this.invalidUtf8 = invalidUtf8;
        this.file = file;
        this.unsigned64 = source != null && source.unsigned() && source.physical() == PrimitiveTypeName.INT64;
        if (source != null && !SUPPORTED.get(kind).contains(from)) {
            throw new TransformException("Column '" + column.name() + "' of " + file + ": cannot convert source '"
                    + source.name() + "' (" + source.describe() + ") to " + type);
        }
        if (from == SourceKind.STRING_LIST && column.delimiter() == null) {
            throw new TransformException("Column '" + column.name() + "' of " + file + ": source '" + source.name()
                    + "' is a list; the contract must give a delimiter to join it into " + type);
        }
        this.fillBinary = kind == Kind.VARCHAR ? Binary.fromConstantByteArray(column.fillText().getBytes(StandardCharsets.UTF_8))
                : kind == Kind.DECIMAL ? Decimals.toFixed(column.fillLong(), Decimals.byteLength(type.precision()))
                : kind == Kind.TIMESTAMP ? Timestamps.int96(column.fillLong()) : null;
    }

    ColumnCounts counts() {
        return new ColumnCounts(replaced, unconvertible, truncated, invalidUtf8Count);
    }

    /** The row group the next values come from, for messages. */
    void startRowGroup(int index) {
        rowGroup = index;
    }

    private String where() {
        return "Column '" + column.name() + "' of " + file + ", row group " + rowGroup;
    }

    long unconvertibleCount() {
        return unconvertible;
    }

    /** Converts the cursor's current value and writes it (or the fill) as one non-null value. */
    void write(SourceCursor c, ColumnWriter w) {
        write(c.isNull ? MISSING : convert(c), w);
    }

    /** A column the file lacks (the contract fills it): the fill, counted as replaced. */
    void writeFill(ColumnWriter w) {
        write(MISSING, w);
    }

    private void write(int outcome, ColumnWriter w) {
        if (outcome == MISSING) {
            replaced++;
        } else if (outcome == BAD) {
            unconvertible++;
        }
        boolean ok = outcome == VALUE;
        switch (kind) {
            case SMALLINT, INTEGER, DATE -> w.write((int) (ok ? longResult : column.fillLong()), 0, 1);
            case BIGINT -> w.write(ok ? longResult : column.fillLong(), 0, 1);
            case REAL -> w.write((float) (ok ? doubleResult : column.fillDouble()), 0, 1);
            case DOUBLE -> w.write(ok ? doubleResult : column.fillDouble(), 0, 1);
            case BOOLEAN -> w.write(ok ? longResult != 0 : column.fillBoolean(), 0, 1);
            case DECIMAL -> w.write(ok ? Decimals.toFixed(longResult, Decimals.byteLength(type.precision())) : fillBinary, 0, 1);
            case TIMESTAMP -> w.write(ok ? Timestamps.int96(longResult) : fillBinary, 0, 1);
            case VARCHAR -> w.write(ok ? fit(binaryResult) : fillBinary, 0, 1);
        }
    }

    /** Counts of converting a dictionary entry, repeated by each later use of it: see {@link #textOf}. */
    static final int TRUNCATED = 1;
    static final int REPAIRED = 2;
    static final int UNCONVERTIBLE = 4;

    /**
     * The output value of a text source's dictionary entry, converted and counted as one use (the policies apply as in
     * {@link #write}): null when it is unconvertible, the row then taking the fill. Also returns, in
     * {@code counts[0]}, what this use counted, for {@link #countAgain} to repeat on each later use of the entry.
     */
    Binary textOf(Binary entry, int[] counts) {
        long truncatedBefore = truncated;
        long repairedBefore = invalidUtf8Count;
        if (text(entry) == BAD) {
            unconvertible++;
            counts[0] = UNCONVERTIBLE;
            return null;
        }
        Binary value = fit(binaryResult);
        counts[0] = (truncated != truncatedBefore ? TRUNCATED : 0) | (invalidUtf8Count != repairedBefore ? REPAIRED : 0);
        return value;
    }

    /** One more use of a dictionary entry whose conversion counted {@code counts} (see {@link #textOf}). */
    void countAgain(int counts) {
        if (counts != 0) {
            truncated += counts & TRUNCATED;
            invalidUtf8Count += (counts & REPAIRED) >> 1;
            unconvertible += (counts & UNCONVERTIBLE) >> 2;
        }
    }

    /** A null source value written as the fill. */
    Binary missing() {
        replaced++;
        return fillBinary;
    }

    /** The value that replaces missing and unconvertible ones (varchar, decimal, timestamp columns). */
    Binary fillBinary() {
        return fillBinary;
    }

    /** Whether this column may be written from its source chunk's dictionary ids ({@link TextByDictionaryId}). */
    boolean isTextToText() {
        return kind == Kind.VARCHAR && from == SourceKind.STRING;
    }

    private Binary fit(Binary b) {
        int max = type.length();
        if (b.length() <= max) {
            return b;
        }
        if (overflow == OverflowPolicy.ERROR) {
            throw new TransformException(where() + ": a value of " + b.length() + " bytes is longer than " + type
                    + " (varchar_overflow: error)");
        }
        truncated++;
        byte[] bytes = b.getBytes();
        return Binary.fromConstantByteArray(bytes, 0, Utf8.truncatedLength(bytes, 0, bytes.length, max));
    }

    private int convert(SourceCursor c) {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT -> toInteger(c);
            case REAL, DOUBLE -> toFloating(c);
            case DECIMAL -> toDecimal(c);
            case BOOLEAN -> toBoolean(c);
            case VARCHAR -> toVarchar(c);
            case DATE -> toDate(c);
            case TIMESTAMP -> toTimestamp(c);
        };
    }

    private int inRange(long v) {
        if (v < type.minValue() || v > type.maxValue()) {
            return BAD;
        }
        longResult = v;
        return VALUE;
    }

    private int toInteger(SourceCursor c) {
        switch (from) {
            case INTEGER, BOOLEAN:
                return unsigned64 && c.longValue < 0 ? BAD : inRange(c.longValue);
            case DECIMAL:
                if (c.longValue == SourceCursor.WIDE) {
                    BigInteger t = wide(c).setScale(0, RoundingMode.DOWN).unscaledValue();
                    return t.bitLength() < 64 ? inRange(t.longValue()) : BAD;
                }
                // a scale above 18 leaves nothing of a long's integer part
                return inRange(source.scale() < POW10.length ? c.longValue / POW10[source.scale()] : 0);
            case FLOATING: {
                double d = c.doubleValue;
                if (Double.isNaN(d)) {
                    return MISSING;
                }
                double t = d < 0 ? Math.ceil(d) : Math.floor(d);
                // compare as doubles: 2^63 is the first double above Long.MAX_VALUE
                if (!(t >= type.minValue() && t < (type.maxValue() == Long.MAX_VALUE ? 0x1p63 : type.maxValue() + 1.0))) {
                    return BAD;
                }
                longResult = (long) t;
                return VALUE;
            }
            default: {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseInteger(t, type.minValue(), type.maxValue(), parsed);
                longResult = parsed[0];
                return r;
            }
        }
    }

    private int toFloating(SourceCursor c) {
        double d;
        switch (from) {
            case INTEGER, BOOLEAN -> {
                long v = c.longValue;
                if (unsigned64 && v < 0) {
                    // 2^63 or more: halve (keeping the lowest bit for rounding), convert once, double
                    long half = (v >>> 1) | (v & 1);
                    d = kind == Kind.REAL ? (float) half * 2.0f : (double) half * 2.0;
                } else {
                    d = kind == Kind.REAL ? (float) v : (double) v;
                }
            }
            case DECIMAL -> d = (c.longValue == SourceCursor.WIDE ? wide(c) : BigDecimal.valueOf(c.longValue, source.scale()))
                    .doubleValue();
            case FLOATING -> {
                d = c.doubleValue;
                if (Double.isNaN(d)) {
                    return MISSING;
                }
            }
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                if (!TextValues.isFloat(t)) {
                    return BAD;
                }
                d = Double.parseDouble(t);
            }
        }
        if (kind == Kind.REAL && from != SourceKind.INTEGER && from != SourceKind.BOOLEAN) {
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                return BAD;
            }
            d = f;
        }
        doubleResult = d;
        return VALUE;
    }

    private int toDecimal(SourceCursor c) {
        int p = type.precision();
        int s = type.scale();
        long unscaled;
        switch (from) {
            case INTEGER -> {
                if (Math.abs(c.longValue) >= POW10[p - s] || c.longValue == Long.MIN_VALUE || (unsigned64 && c.longValue < 0)) {
                    return BAD;
                }
                unscaled = c.longValue * POW10[s];
            }
            case DECIMAL -> {
                BigDecimal v = (c.longValue == SourceCursor.WIDE ? wide(c) : BigDecimal.valueOf(c.longValue, source.scale()))
                        .setScale(s, RoundingMode.HALF_UP);
                if (v.unscaledValue().abs().compareTo(BigInteger.valueOf(POW10[p])) >= 0) {
                    return BAD;
                }
                unscaled = v.unscaledValue().longValue();
            }
            case FLOATING -> {
                double d = c.doubleValue;
                if (Double.isNaN(d)) {
                    return MISSING;
                }
                double r = roundHalfAway(d * POW10[s]);
                if (!(Math.abs(r) < POW10[p])) {
                    return BAD;
                }
                unscaled = (long) r;
            }
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseDecimal(t, p, s, parsed);
                if (r != VALUE) {
                    return r;
                }
                unscaled = parsed[0];
            }
        }
        longResult = unscaled;
        return VALUE;
    }

    /** A decimal whose unscaled value does not fit a long (a FIXED_LEN_BYTE_ARRAY of precision above 18). */
    private BigDecimal wide(SourceCursor c) {
        BigInteger unscaled = source.physical() == PrimitiveTypeName.INT64 ? BigInteger.valueOf(c.longValue)
                : new BigInteger(c.binaryValue.getBytes());
        return new BigDecimal(unscaled, source.scale());
    }

    /** C's round(): halves go away from zero (Math.round would send -2.5 to -2). */
    static double roundHalfAway(double v) {
        double t = v < 0 ? Math.ceil(v) : Math.floor(v);
        return Math.abs(v - t) >= 0.5 ? t + Math.signum(v) : t;
    }

    private int toBoolean(SourceCursor c) {
        switch (from) {
            case BOOLEAN, INTEGER -> longResult = c.longValue != 0 ? 1 : 0;
            case FLOATING -> {
                if (Double.isNaN(c.doubleValue)) {
                    return MISSING;
                }
                longResult = c.doubleValue != 0 ? 1 : 0;
            }
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseBoolean(t, parsed);
                longResult = parsed[0];
                return r;
            }
        }
        return VALUE;
    }

    private int toVarchar(SourceCursor c) {
        switch (from) {
            case STRING, STRING_LIST -> {
                return text(c.binaryValue);
            }
            case INTEGER -> binaryResult = Binary.fromString(unsigned64 ? Long.toUnsignedString(c.longValue)
                    : Long.toString(c.longValue));
            case BOOLEAN -> binaryResult = Binary.fromString(c.longValue != 0 ? "true" : "false");
            case DECIMAL -> binaryResult = Binary.fromString((c.longValue == SourceCursor.WIDE ? wide(c)
                    : BigDecimal.valueOf(c.longValue, source.scale())).toPlainString());
            default -> binaryResult = Binary.fromString(java.time.LocalDate.ofEpochDay(c.longValue).toString());
        }
        return VALUE;
    }

    /**
     * Text as it is when it is valid UTF-8, else by the invalid_utf8 policy. The value is marked reused and backed by
     * the page's array when it has one: the writer's statistics, column index and dictionary then copy what they keep
     * (instead of holding on to the page behind the value until the file is written), and its dictionary hashes and
     * compares array-backed values several times faster than ByteBuffer-backed ones.
     */
    private int text(Binary value) {
        ByteBuffer b = value.toByteBuffer();
        byte[] array;
        int offset;
        int length = b.remaining();
        if (b.hasArray()) {
            array = b.array();
            offset = b.arrayOffset() + b.position();
        } else {
            array = new byte[length];
            b.duplicate().get(array);
            offset = 0;
        }
        if (Utf8.isValid(array, offset, length)) {
            // a joined list is already a copy of its own
            binaryResult = from == SourceKind.STRING_LIST ? value : Binary.fromReusedByteArray(array, offset, length);
            return VALUE;
        }
        switch (invalidUtf8) {
            case REPLACE -> {
                invalidUtf8Count++;
                binaryResult = Binary.fromConstantByteArray(Utf8.repaired(array, offset, length));
                return VALUE;
            }
            case UNCONVERTIBLE -> {
                return BAD;
            }
            default -> throw new TransformException(where() + ": a value of source '" + source.name()
                    + "' is not valid UTF-8 (invalid_utf8: fail)");
        }
    }

    private int toDate(SourceCursor c) {
        switch (from) {
            case DATE -> longResult = c.longValue;
            case TIMESTAMP -> {
                if (!Timestamps.inRange(c.longValue)) {
                    return BAD;
                }
                longResult = Math.floorDiv(c.longValue, 86_400_000_000L);
            }
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseDate(t, parsed);
                if (r != VALUE) {
                    return r;
                }
                longResult = parsed[0];
            }
        }
        return Timestamps.dayInRange(longResult) ? VALUE : BAD;
    }

    private int toTimestamp(SourceCursor c) {
        switch (from) {
            case TIMESTAMP -> longResult = c.longValue;
            case DATE -> {
                // checked before the multiplication, which a far-out int32 day would overflow
                if (!Timestamps.dayInRange(c.longValue)) {
                    return BAD;
                }
                longResult = c.longValue * 86_400_000_000L;
            }
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseTimestamp(t, parsed);
                if (r != VALUE) {
                    return r;
                }
                longResult = parsed[0];
            }
        }
        return Timestamps.inRange(longResult) ? VALUE : BAD;
    }
}
