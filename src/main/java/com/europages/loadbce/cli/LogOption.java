package com.europages.loadbce.cli;

import com.europages.loadbce.LogDestination;
import com.europages.loadbce.config.AppConfig;
import java.util.function.Supplier;

/** A command's --verbose option (a picocli mixin), and where the command's log lines go. */
public interface LogOption {

    /** @param command the subcommand's name, which names its log file */
    LogDestination destination(String command, Supplier<AppConfig> config);
}
