package com.europages.loadbce.cli;

import com.europages.loadbce.LogDestination;
import com.europages.loadbce.config.AppConfig;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** For commands that print progress and a report: the log goes to a file, or to stderr with --verbose. */
public final class LogToFile implements LogOption {

    @Option(names = "--verbose", description = "Write the log to stderr instead of <app.data-dir>/logs/<command>.log.")
    boolean verbose;

    @Override
    public LogDestination destination(String command, Supplier<AppConfig> config) {
        if (verbose) {
            return LogDestination.stderr("INFO");
        }
        AppConfig loaded;
        try {
            loaded = config.get();
        } catch (RuntimeException noConfiguration) {
            // the command fails on it with one line; the log has no data folder to go to
            return LogDestination.stderr("INFO");
        }
        return LogDestination.file(loaded.getPath("app.data-dir").resolve("logs").resolve(command + ".log"));
    }
}
