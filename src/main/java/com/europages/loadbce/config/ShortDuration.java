package com.europages.loadbce.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration setting written as people write it: 90s, 45m, 6h, 2d, or ISO-8601 (PT6H). */
public final class ShortDuration {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private ShortDuration() {
    }

    /** @throws IllegalArgumentException naming the forms accepted */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below with the forms accepted
        }
        throw new IllegalArgumentException("a duration such as 90s, 45m, 6h, 2d or PT6H, got '" + text + "'");
    }
}
