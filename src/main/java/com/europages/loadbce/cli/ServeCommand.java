package com.europages.loadbce.cli;

import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the service until it is stopped: consumes the queue and loads every accepted file. */
@Command(name = "serve", header = "Consume the queue and load every previous-day file until stopped (default)",
        description = "Consume the SQS queue and load every previous-day Data Flow file, until SIGTERM or Ctrl-C stops it gracefully. Logs go to stdout, as a container expects.")
public final class ServeCommand implements Callable<Integer> {

    private final CommandContext context;

    public ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (ServiceRuntime runtime = ServiceRuntime.create(context.config(), Clock.systemUTC())) {
            runtime.runUntilShutdown();
        }
        return 0;
    }
}
