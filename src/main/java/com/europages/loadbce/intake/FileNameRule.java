package com.europages.loadbce.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the date (and hour, part) a Data Flow file name carries in the named groups of the configured regex; the
 * record filter route matches the name against the same regex itself.
 */
public final class FileNameRule {

    /** What a matching file name says about the file. */
    public record FileName(LocalDate date, Integer hour, Integer part) {
    }

    private final Pattern pattern;
    private final DateTimeFormatter dateFormat;
    private final boolean hasHour;
    private final boolean hasPart;

    public FileNameRule(String regex, String datePattern) {
        try {
            this.pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("intake.file-name-regex is not a valid regex: " + e.getMessage(), e);
        }
        if (!regex.contains("(?<date>")) {
            throw new IllegalArgumentException("intake.file-name-regex needs a named group (?<date>...): " + regex);
        }
        this.hasHour = regex.contains("(?<hour>");
        this.hasPart = regex.contains("(?<part>");
        // 'uuuu' with STRICT resolution rejects 20220231 instead of rounding it to the 28th
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern.replace("yyyy", "uuuu"))
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** Empty when the name does not match; throws {@link DateTimeParseException} when it matches with an impossible date. */
    public Optional<FileName> match(String fileName) {
        Matcher m = matcher(fileName);
        if (m == null) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.parse(m.group("date"), dateFormat);
        return Optional.of(new FileName(date, intGroup(m, "hour", hasHour), intGroup(m, "part", hasPart)));
    }

    /** The name's date as yyyy-MM-dd; null when the name does not match or its date is not a real one. */
    public String date(String fileName) {
        String text = dateText(fileName);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, dateFormat).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text of the name's 'date' group as written; null when the name does not match. */
    public String dateText(String fileName) {
        Matcher m = matcher(fileName);
        return m == null ? null : m.group("date");
    }

    /** The 'hour' group as a number; null when the regex has none or the name does not match. */
    public Integer hour(String fileName) {
        return intGroup(fileName, "hour", hasHour);
    }

    /** The 'part' group as a number; null when the regex has none or the name does not match. */
    public Integer part(String fileName) {
        return intGroup(fileName, "part", hasPart);
    }

    private Integer intGroup(String fileName, String name, boolean present) {
        Matcher m = present ? matcher(fileName) : null;
        return m == null ? null : intGroup(m, name, true);
    }

    private static Integer intGroup(Matcher m, String name, boolean present) {
        return !present || m.group(name) == null ? null : Integer.valueOf(m.group(name));
    }

    private Matcher matcher(String fileName) {
        if (fileName == null) {
            return null;
        }
        Matcher m = pattern.matcher(fileName);
        return m.matches() ? m : null;
    }
}
