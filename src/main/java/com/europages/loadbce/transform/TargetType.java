package com.europages.loadbce.transform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Redshift column type of the contract: smallint ... timestamp, with the length of varchar and the precision/scale of decimal. */
public record TargetType(Kind kind, int length, int precision, int scale) {

    /** The ten target types the contract accepts. */
    public enum Kind { SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, BOOLEAN, VARCHAR, DATE, TIMESTAMP }

    /** Largest decimal precision whose unscaled value fits a Java long, the limit of this transformer. */
    public static final int MAX_DECIMAL_PRECISION = 18;
    /** Redshift's VARCHAR limit in bytes. */
    public static final int MAX_VARCHAR = 65535;

    private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying)\\s*\\(\\s*(\\d+)\\s*\\)");

    /** Parses a type as written in the contract, e.g. "varchar(255)", "decimal(12,2)", "double precision". */
    public static TargetType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (t) {
            case "smallint", "int2": return of(Kind.SMALLINT);
            case "integer", "int", "int4": return of(Kind.INTEGER);
            case "bigint", "int8": return of(Kind.BIGINT);
            case "real", "float4": return of(Kind.REAL);
            case "double precision", "float8": return of(Kind.DOUBLE);
            case "boolean", "bool": return of(Kind.BOOLEAN);
            case "date": return of(Kind.DATE);
            case "timestamp", "timestamp without time zone": return of(Kind.TIMESTAMP);
            default: break;
        }
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(1));
            int s = Integer.parseInt(m.group(2));
            if (p < 1 || p > MAX_DECIMAL_PRECISION || s > p) {
                throw new IllegalArgumentException("decimal(" + p + "," + s + "): precision must be 1.."
                        + MAX_DECIMAL_PRECISION + " and scale at most the precision");
            }
            return new TargetType(Kind.DECIMAL, 0, p, s);
        }
        m = VARCHAR.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > MAX_VARCHAR) {
                throw new IllegalArgumentException("varchar(" + n + "): length must be 1.." + MAX_VARCHAR);
            }
            return new TargetType(Kind.VARCHAR, n, 0, 0);
        }
        throw new IllegalArgumentException("unknown type '" + text + "' (expected smallint, integer, bigint, real, "
                + "double precision, decimal(p,s), boolean, varchar(n), date or timestamp)");
    }

    private static TargetType of(Kind kind) {
        return new TargetType(kind, 0, 0, 0);
    }

    public static TargetType varchar(int length) {
        return new TargetType(Kind.VARCHAR, length, 0, 0);
    }

    /** The type as Redshift DDL writes it. */
    public String sql() {
        return switch (kind) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            case BOOLEAN -> "boolean";
            case VARCHAR -> "varchar(" + length + ")";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
        };
    }

    /** Smallest and largest value of an integer kind. */
    long minValue() {
        return switch (kind) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    long maxValue() {
        return switch (kind) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    boolean isInteger() {
        return kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    @Override
    public String toString() {
        return sql();
    }
}
