package com.europages.loadbce.cli;

import com.europages.loadbce.LogDestination;
import com.europages.loadbce.config.AppConfig;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** For one-shot tools whose stdout is their result (JSON, DDL): warnings and errors on stderr, all with --verbose. */
public final class WarningsToStderr implements LogOption {

    @Option(names = "--verbose", description = "Log INFO lines too (on stderr; without it, warnings and errors only).")
    boolean verbose;

    @Override
    public LogDestination destination(String command, Supplier<AppConfig> config) {
        return LogDestination.stderr(verbose ? "INFO" : "WARN");
    }
}
