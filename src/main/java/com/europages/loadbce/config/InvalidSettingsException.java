package com.europages.loadbce.config;

import java.util.List;

/** Settings that cannot work, found before anything started: one line per setting; the process exits with code 2. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> lines;

    public InvalidSettingsException(List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.lines = List.copyOf(lines);
    }

    /** One line per invalid setting: the key, its value (hidden for secrets) and what is allowed. */
    public List<String> lines() {
        return lines;
    }
}
