package com.europages.loadbce;

import com.europages.loadbce.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Supplier;

/**
 * Chooses, before log4j starts, the log layout (app.log-format) and where a command's log lines go: log4j reads its
 * configuration once, when the first logger is created, and log4j2.xml selects on the system properties set here.
 */
public final class LogSetup {

    /** text or json. */
    public static final String FORMAT = "loadbce.log-format";
    /** SYSTEM_OUT (default), SYSTEM_ERR or FILE: log4j's names. */
    public static final String TARGET = "loadbce.log-to";
    /** The log file when {@link #TARGET} is file. */
    public static final String FILE = "loadbce.log-file";
    /** The root level: INFO (default), WARN for the tools whose stdout is their result, or DEBUG when set. */
    public static final String LEVEL = "loadbce.log-level";

    private LogSetup() {
    }

    /** Sets the layout from the configuration unless it is set already (-Dloadbce.log-format=...). */
    public static void selectFormat(Supplier<AppConfig> config) {
        if (System.getProperty(FORMAT) != null) {
            return;
        }
        String format;
        try {
            format = config.get().get("app.log-format", "text");
        } catch (RuntimeException noConfiguration) {
            // --help and usage errors run without a configuration folder: the environment may still choose
            format = System.getenv().getOrDefault("APP_LOG_FORMAT", "text");
        }
        System.setProperty(FORMAT, "json".equalsIgnoreCase(format.trim()) ? "json" : "text");
    }

    /** Sends the log lines to the destination, unless -Dloadbce.log-to=... chose already. */
    public static void route(LogDestination destination) {
        if (System.getProperty(TARGET) != null) {
            return;
        }
        if (destination.file() != null) {
            try {
                Files.createDirectories(destination.file().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the log folder of " + destination.file(), e);
            }
            System.setProperty(FILE, destination.file().toString());
        }
        System.setProperty(TARGET, destination.target().name());
        // -Dloadbce.log-level=DEBUG shows the per-column counts of each transformed file
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, destination.level());
        }
    }
}
