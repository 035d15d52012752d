package com.europages.loadbce.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Strict parsing of text into numbers, booleans, dates and timestamps. Only the forms below are accepted, so the
 * DuckDB oracle (DuckDbTransformSql) can guard its casts with the same regular expressions; anything else is unconvertible.
 * Leading and trailing spaces (only U+0020) are ignored; an empty or all-space text counts as missing.
 */
final class TextValues {
    static final String INTEGER_REGEX = "[+-]?[0-9]+";
    static final String DECIMAL_REGEX = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)";
    static final String FLOAT_REGEX = DECIMAL_REGEX + "([eE][+-]?[0-9]+)?";
    static final String DATE_REGEX = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String TIMESTAMP_REGEX = DATE_REGEX + "([ T][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?)?";
    static final String[] TRUE_WORDS = {"true", "t", "yes", "y", "1"};
    static final String[] FALSE_WORDS = {"false", "f", "no", "n", "0"};

    private static final Pattern DECIMAL = Pattern.compile(DECIMAL_REGEX);
    private static final Pattern FLOAT = Pattern.compile(FLOAT_REGEX);
    private static final Pattern TIMESTAMP = Pattern.compile(TIMESTAMP_REGEX);

    /** Outcome codes of a conversion. */
    static final int VALUE = 0;
    static final int MISSING = 1;
    static final int BAD = 2;

    private TextValues() {
    }

    /** Strips U+0020 only, as SQL trim() does. */
    static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == ' ') {
            e--;
        }
        return b == 0 && e == s.length() ? s : s.substring(b, e);
    }

    /** Parses {@link #INTEGER_REGEX} within [min, max] into out[0]. */
    static int parseInteger(String t, long min, long max, long[] out) {
        int n = t.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        if (i == n) {
            return BAD;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return BAD;
            }
            // accumulate negatively: Long.MIN_VALUE has no positive counterpart
            if (v < (Long.MIN_VALUE + (c - '0')) / 10) {
                return BAD;
            }
            v = v * 10 - (c - '0');
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return BAD;
            }
            v = -v;
        }
        if (v < min || v > max) {
            return BAD;
        }
        out[0] = v;
        return VALUE;
    }

    static boolean isFloat(String t) {
        return FLOAT.matcher(t).matches();
    }

    /** Parses {@link #DECIMAL_REGEX}, rounded half away from zero to the scale, into the unscaled long out[0]. */
    static int parseDecimal(String t, int precision, int scale, long[] out) {
        if (!DECIMAL.matcher(t).matches()) {
            return BAD;
        }
        BigDecimal v = new BigDecimal(t).setScale(scale, RoundingMode.HALF_UP);
        if (v.unscaledValue().abs().compareTo(java.math.BigInteger.TEN.pow(precision)) >= 0) {
            return BAD;
        }
        out[0] = v.unscaledValue().longValueExact();
        return VALUE;
    }

    /** true/false words (lower-cased as SQL lower() does), into out[0] as 1/0. */
    static int parseBoolean(String text, long[] out) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        for (String w : TRUE_WORDS) {
            if (w.equals(t)) {
                out[0] = 1;
                return VALUE;
            }
        }
        for (String w : FALSE_WORDS) {
            if (w.equals(t)) {
                out[0] = 0;
                return VALUE;
            }
        }
        return BAD;
    }

    /** yyyy-MM-dd into days since the epoch. */
    static int parseDate(String t, long[] out) {
        if (t.length() != 10 || !TIMESTAMP.matcher(t).matches()) {
            return BAD;
        }
        try {
            out[0] = date(t);
            return VALUE;
        } catch (DateTimeException e) {
            return BAD;
        }
    }

    /** yyyy-MM-dd[( |T)HH:mm:ss[.f{1,6}]] into microseconds since the epoch (UTC wall time). */
    static int parseTimestamp(String t, long[] out) {
        if (!TIMESTAMP.matcher(t).matches()) {
            return BAD;
        }
        try {
            long micros = date(t) * 86_400_000_000L;
            if (t.length() > 10) {
                int h = Integer.parseInt(t, 11, 13, 10);
                int m = Integer.parseInt(t, 14, 16, 10);
                int s = Integer.parseInt(t, 17, 19, 10);
                if (h > 23 || m > 59 || s > 59) {
                    return BAD;
                }
                long fraction = 0;
                if (t.length() > 20) {
                    String f = t.substring(20);
                    fraction = Long.parseLong(f) * (long) Math.pow(10, 6 - f.length());
                }
                micros += ((h * 60L + m) * 60 + s) * 1_000_000L + fraction;
            }
            out[0] = micros;
            return VALUE;
        } catch (DateTimeException e) {
            return BAD;
        }
    }

    private static long date(String t) {
        return LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10), Integer.parseInt(t, 8, 10, 10))
                .toEpochDay();
    }
}
