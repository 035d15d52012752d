package com.europages.loadbce.cli;

import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Runs the service until it is stopped: consumes the queue and loads every accepted file. */
public final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "Consume the SQS queue and load every previous-day Data Flow file (default; runs until stopped)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options.parse(args, Set.of(), Set.of()).expectPositional(0, 0);
        try (ServiceRuntime runtime = ServiceRuntime.create(context.config(), Clock.systemUTC())) {
            runtime.runUntilShutdown();
        }
        return 0;
    }
}
