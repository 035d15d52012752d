package com.europages.loadbce.cli;

import com.europages.loadbce.service.DrainRun;
import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** For scheduled runs: serve until the queue stays empty, then exit non-zero if any file failed. */
public final class DrainCommand implements Command {

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public String usage() {
        return "[--idle-s N]";
    }

    @Override
    public String summary() {
        return "Process until the queue has been empty for --idle-s seconds (default 30); exit 1 if any file failed";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options o = Options.parse(args, Set.of("idle-s"), Set.of()).expectPositional(0, 0);
        int idle = o.getInt("idle-s", 30);
        if (idle < 1) {
            throw new UsageException("--idle-s must be at least 1");
        }
        try (ServiceRuntime runtime = ServiceRuntime.create(context.config(), Clock.systemUTC())) {
            runtime.start();
            DrainRun.Report report = DrainRun.run(runtime, Duration.ofSeconds(idle), Duration.ofSeconds(1),
                    runtime.stopOnSignal());
            report.print(context.out());
            return report.ok() ? 0 : 1;
        }
    }
}
