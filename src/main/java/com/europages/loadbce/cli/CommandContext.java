package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import java.io.PrintStream;
import java.util.function.Supplier;

/** What a command gets from the launcher: the configuration (read on first use) and the output streams. */
public final class CommandContext {
    private final Supplier<AppConfig> config;
    private final PrintStream out;
    private final PrintStream err;
    private AppConfig loaded;

    public CommandContext(Supplier<AppConfig> config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public synchronized AppConfig config() {
        if (loaded == null) {
            loaded = config.get();
        }
        return loaded;
    }

    /** The command's own output: progress, reports, JSON. Never log lines. */
    public PrintStream out() {
        return out;
    }

    /** Whether the command's output goes to a terminal (a progress bar can redraw its line) rather than a file or a pipe. */
    public boolean terminal() {
        return out == System.out && System.console() != null;
    }

    public PrintStream err() {
        return err;
    }
}
