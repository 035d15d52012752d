package com.europages.loadbce.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL files beside the routes, with their ${name} placeholders replaced by checked identifiers. Values are never
 * placed here: statements bind them with '?'. Files are re-read when they change, like the routes.
 */
public final class SqlTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":\\?(\\w+)");

    private final Path dir;
    private final Map<String, String> names;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long modified, String sql) {
    }

    /** @param names placeholder → text already checked by {@link SqlIdentifiers} */
    public SqlTemplates(Path dir, Map<String, String> names) {
        this.dir = dir;
        this.names = Map.copyOf(names);
    }

    /** The statement of {@code dir/file} with every placeholder replaced; an unknown placeholder is an error. */
    public String sql(String file) {
        Path path = dir.resolve(file);
        try {
            long modified = Files.getLastModifiedTime(path).toMillis();
            Cached c = cache.get(file);
            if (c == null || c.modified != modified) {
                c = new Cached(modified, render(Files.readString(path, StandardCharsets.UTF_8), file, Map.of()));
                cache.put(file, c);
            }
            return c.sql;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL file " + path, e);
        }
    }

    /** Like {@link #sql(String)} with extra placeholders for this call (checked identifiers or literals only). */
    public String sql(String file, Map<String, String> extra) {
        try {
            return render(Files.readString(dir.resolve(file), StandardCharsets.UTF_8), file, extra);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL file " + dir.resolve(file), e);
        }
    }

    private String render(String text, String file, Map<String, String> extra) {
        Matcher m = PLACEHOLDER.matcher(stripComments(text));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = extra.containsKey(m.group(1)) ? extra.get(m.group(1)) : names.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder ${" + m.group(1) + "} in " + dir.resolve(file));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** Drops "--" line comments so the files can explain themselves without confusing JDBC drivers. */
    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.stripLeading();
            if (!t.startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A statement written for camel-jdbc's named parameters ({@code :?DataFlowDate}) as plain JDBC takes it: each
     * becomes '?', and {@code names} receives their names in order (a name used twice is bound twice).
     */
    public static String positional(String sql, java.util.List<String> names) {
        Matcher m = NAMED_PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Splits a file of several statements on ';' at line ends (bootstrap DDL; no ';' inside literals there). */
    public static String[] statements(String sql) {
        return java.util.Arrays.stream(sql.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
