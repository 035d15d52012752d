package com.europages.loadbce.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Matches Data Flow file names against the configured regex and reads the date (and hour, part) they carry. */
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
        Matcher m = pattern.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.parse(m.group("date"), dateFormat);
        return Optional.of(new FileName(date, intGroup(m, "hour", hasHour), intGroup(m, "part", hasPart)));
    }

    private static Integer intGroup(Matcher m, String name, boolean present) {
        if (!present || m.group(name) == null) {
            return null;
        }
        return Integer.valueOf(m.group(name));
    }
}
