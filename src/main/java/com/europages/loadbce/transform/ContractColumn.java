package com.europages.loadbce.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One target column of the contract: its name, the Piano source column, the target type, the value that replaces
 * nulls/NaN/unconvertible values, and the delimiter that joins an array source.
 *
 * @param fillText the fill as written in the contract (canonical text)
 * @param fillLong the fill of integer kinds, the unscaled fill of decimal, days of date, micros of timestamp
 */
public record ContractColumn(String name, String source, TargetType type, String fillText, long fillLong,
                             double fillDouble, boolean fillBoolean, String delimiter) {

    /** Validates the fill against the type and builds the column; {@code fill} null means the type's default. */
    public static ContractColumn of(String name, String source, TargetType type, String fill, String delimiter) {
        String text = fill == null ? defaultFill(type) : fill;
        long l = 0;
        double d = 0;
        boolean b = false;
        try {
            switch (type.kind()) {
                case SMALLINT, INTEGER, BIGINT -> {
                    l = Long.parseLong(text.trim());
                    if (l < type.minValue() || l > type.maxValue()) {
                        throw new IllegalArgumentException("fill " + text + " is out of range for " + type);
                    }
                }
                case REAL -> d = Float.parseFloat(text.trim());
                case DOUBLE -> d = Double.parseDouble(text.trim());
                case DECIMAL -> {
                    BigDecimal v = new BigDecimal(text.trim()).setScale(type.scale(), RoundingMode.UNNECESSARY);
                    if (v.precision() - v.scale() > type.precision() - type.scale()) {
                        throw new IllegalArgumentException("fill " + text + " does not fit " + type);
                    }
                    l = v.unscaledValue().longValueExact();
                    text = v.toPlainString();
                }
                case BOOLEAN -> {
                    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
                    if (!t.equals("true") && !t.equals("false")) {
                        throw new IllegalArgumentException("fill of a boolean must be true or false, got '" + text + "'");
                    }
                    b = t.equals("true");
                    text = t;
                }
                case VARCHAR -> {
                    if (Utf8.length(text) > type.length()) {
                        throw new IllegalArgumentException("fill '" + text + "' is longer than " + type);
                    }
                }
                case DATE -> l = LocalDate.parse(text.trim()).toEpochDay();
                case TIMESTAMP -> {
                    LocalDateTime t = LocalDateTime.parse(text.trim().replace(' ', 'T'));
                    l = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
                }
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("fill '" + text + "' is not a valid " + type + " value");
        }
        return new ContractColumn(name, source, type, text, l, d, b, delimiter);
    }

    static String defaultFill(TargetType type) {
        return switch (type.kind()) {
            case VARCHAR -> "";
            case BOOLEAN -> "false";
            case DATE -> "1970-01-01";
            case TIMESTAMP -> "1970-01-01 00:00:00";
            case DECIMAL -> "0";
            default -> "0";
        };
    }
}
