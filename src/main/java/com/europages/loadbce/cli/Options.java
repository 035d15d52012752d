package com.europages.loadbce.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses "--name value" and "--flag" options and positional arguments, refusing unknown options. */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    /**
     * @param withValue option names that take a value (without "--")
     * @param flags     option names that take none
     */
    public static Options parse(List<String> args, Set<String> withValue, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && inline == null) {
                    o.values.put(name, "true");
                } else if (withValue.contains(name)) {
                    if (inline == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        inline = args.get(++i);
                    }
                    o.values.put(name, inline);
                } else {
                    throw new UsageException("unknown option " + a);
                }
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int getInt(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    public long getLong(String name, long defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    public List<String> positional() {
        return positional;
    }

    public Options expectPositional(int min, int max) {
        if (positional.size() < min || positional.size() > max) {
            throw new UsageException(positional.size() < min ? "missing arguments" : "unexpected arguments: "
                    + positional.subList(max, positional.size()));
        }
        return this;
    }
}
