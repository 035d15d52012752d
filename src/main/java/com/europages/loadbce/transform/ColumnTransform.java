package com.europages.loadbce.transform;

import static com.europages.loadbce.transform.TextValues.BAD;
import static com.europages.loadbce.transform.TextValues.MISSING;
import static com.europages.loadbce.transform.TextValues.VALUE;

import com.europages.loadbce.transform.TargetType.Kind;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Converts one source column to one contract column, value by value, and counts what it replaced.
 * The semantics (mirrored in SQL by {@link DuckDbTransformSql}): integers from fractions truncate toward zero,
 * decimals round half away from zero, out-of-range or unparsable values are unconvertible, null/NaN/blank become the fill.
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
    private final String file;
    private final Binary fillBinary;
    private final long[] parsed = new long[1];
    private long longResult;
    private double doubleResult;
    private Binary binaryResult;
    private long replaced;
    private long unconvertible;
    private long truncated;

    ColumnTransform(ContractColumn column, SourceColumn source, OverflowPolicy overflow, String file) {
        this.column = column;
        this.source = source;
        this.type = column.type();
        this.kind = type.kind();
        this.from = source.kind();
        this.overflow = overflow;
        this.file = file;
        if (!SUPPORTED.get(kind).contains(from)) {
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
        return new ColumnCounts(replaced, unconvertible, truncated);
    }

    long unconvertibleCount() {
        return unconvertible;
    }

    /** Converts the cursor's current value and writes it (or the fill) as one non-null value. */
    void write(SourceCursor c, ColumnWriter w) {
        int outcome = c.isNull ? MISSING : convert(c);
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

    private Binary fit(Binary b) {
        int max = type.length();
        if (b.length() <= max) {
            return b;
        }
        if (overflow == OverflowPolicy.ERROR) {
            throw new TransformException("Column '" + column.name() + "' of " + file + ": a value of " + b.length()
                    + " bytes is longer than " + type + " (varchar_overflow: error)");
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
                return inRange(c.longValue);
            case DECIMAL:
                return inRange(c.longValue / POW10[source.scale()]);
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
            case INTEGER, BOOLEAN -> d = kind == Kind.REAL ? (float) c.longValue : (double) c.longValue;
            case DECIMAL -> d = BigDecimal.valueOf(c.longValue, source.scale()).doubleValue();
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
                if (Math.abs(c.longValue) >= POW10[p - s] || c.longValue == Long.MIN_VALUE) {
                    return BAD;
                }
                unscaled = c.longValue * POW10[s];
            }
            case DECIMAL -> {
                BigDecimal v = BigDecimal.valueOf(c.longValue, source.scale()).setScale(s, java.math.RoundingMode.HALF_UP);
                if (v.unscaledValue().abs().compareTo(java.math.BigInteger.valueOf(POW10[p])) >= 0) {
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
        binaryResult = switch (from) {
            // marked reused: the writer's statistics, column index and dictionary then copy what they keep, instead
            // of holding on to the input page buffer behind the value until the whole file is written
            case STRING -> reused(c.binaryValue);
            case STRING_LIST -> c.binaryValue;
            case INTEGER -> Binary.fromString(Long.toString(c.longValue));
            case BOOLEAN -> Binary.fromString(c.longValue != 0 ? "true" : "false");
            case DECIMAL -> Binary.fromString(BigDecimal.valueOf(c.longValue, source.scale()).toPlainString());
            default -> Binary.fromString(java.time.LocalDate.ofEpochDay(c.longValue).toString());
        };
        return VALUE;
    }

    /**
     * The same bytes marked reused, backed by the page's array when it has one: the writer's dictionary hashes and
     * compares every value, and array-backed values do that several times faster than ByteBuffer-backed ones.
     */
    private static Binary reused(Binary value) {
        ByteBuffer b = value.toByteBuffer();
        return b.hasArray() ? Binary.fromReusedByteArray(b.array(), b.arrayOffset() + b.position(), b.remaining())
                : Binary.fromReusedByteBuffer(b);
    }

    private int toDate(SourceCursor c) {
        switch (from) {
            case DATE -> longResult = c.longValue;
            case TIMESTAMP -> longResult = Math.floorDiv(c.longValue, 86_400_000_000L);
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseDate(t, parsed);
                longResult = parsed[0];
                return r;
            }
        }
        return VALUE;
    }

    private int toTimestamp(SourceCursor c) {
        switch (from) {
            case TIMESTAMP -> longResult = c.longValue;
            case DATE -> longResult = c.longValue * 86_400_000_000L;
            default -> {
                String t = TextValues.trim(c.binaryValue.toStringUsingUTF8());
                if (t.isEmpty()) {
                    return MISSING;
                }
                int r = TextValues.parseTimestamp(t, parsed);
                longResult = parsed[0];
                return r;
            }
        }
        return VALUE;
    }
}
