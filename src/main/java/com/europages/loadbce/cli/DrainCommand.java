package com.europages.loadbce.cli;

import com.europages.loadbce.service.DrainRun;
import com.europages.loadbce.service.ProgressBar;
import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** For scheduled runs: serve until the queue stays empty, then exit non-zero if any file failed. */
@Command(name = "drain", header = "Process until the queue stays empty, then exit: 1 if a file failed (scheduled runs)",
        description = "Process the queue until it has been empty for --idle-s seconds, then print a summary and exit: 1 if a file was rejected or a message failed.")
public final class DrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogToFile log;

    int idleSeconds;

    @Option(names = "--idle-s", paramLabel = "N", defaultValue = "30", description = "Seconds the queue must stay empty (default: ${DEFAULT-VALUE}).")
    void setIdleSeconds(int value) {
        idleSeconds = Usage.atLeast(spec, "--idle-s", value, 1);
    }

    private final CommandContext context;

    public DrainCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (ServiceRuntime runtime = ServiceRuntime.create(context.config(), Clock.systemUTC())) {
            runtime.start();
            DrainRun.Report report = DrainRun.run(runtime, Duration.ofSeconds(idleSeconds), Duration.ofSeconds(1),
                    new ProgressBar(context.out(), context.terminal(), 0), runtime.stopOnSignal());
            report.print(context.out());
            return report.ok() ? 0 : 1;
        }
    }
}
