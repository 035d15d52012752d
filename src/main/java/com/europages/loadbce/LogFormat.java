package com.europages.loadbce;

import com.europages.loadbce.config.AppConfig;
import java.util.function.Supplier;

/** Chooses the log layout (app.log-format=text|json) before log4j starts: log4j2.xml selects on the system property. */
public final class LogFormat {

    /** Read by log4j2.xml's SystemPropertyArbiter. */
    public static final String PROPERTY = "loadbce.log-format";

    private LogFormat() {
    }

    /** Sets the property from the configuration unless it is set already (-Dloadbce.log-format=...). */
    public static void select(Supplier<AppConfig> config) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        String format;
        try {
            format = config.get().get("app.log-format", "text");
        } catch (RuntimeException noConfiguration) {
            // --help and usage errors run without a configuration folder: the environment may still choose
            format = System.getenv().getOrDefault("APP_LOG_FORMAT", "text");
        }
        System.setProperty(PROPERTY, "json".equalsIgnoreCase(format.trim()) ? "json" : "text");
    }
}
