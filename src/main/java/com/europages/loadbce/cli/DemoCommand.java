package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.service.DemoRun;
import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The README's first command: a generated day through the whole pipeline on the embedded services, with a report. */
@Command(name = "demo", header = "Load a generated day through the embedded SQS, S3 and DuckDB; print progress and a report",
        description = "Generate a day of yesterday's Data Flow files, upload them to the embedded S3 and load them through the embedded SQS into the local DuckDB warehouse. Prints progress and a report; exit 0 when every file loaded. Ctrl-C (or SIGTERM) once the service has started lets the uploads and the files in flight finish, then reports (exit 1).")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogToFile log;

    long rows;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "500000", description = "Rows of the day, in all (default: ${DEFAULT-VALUE}).")
    void setRows(long value) {
        rows = Usage.atLeast(spec, "--rows", value, 1);
    }

    int filesPerHour;

    @Option(names = "--files-per-hour", paramLabel = "N", defaultValue = "6", description = "Files per hour: 24 x N files (default: ${DEFAULT-VALUE}).")
    void setFilesPerHour(int value) {
        filesPerHour = Usage.atLeast(spec, "--files-per-hour", value, 1);
    }

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the generated rows (default: ${DEFAULT-VALUE}).")
    long seed;

    int timeoutSeconds;

    @Option(names = "--timeout-s", paramLabel = "N", defaultValue = "1800", description = "Give up after N seconds (default: ${DEFAULT-VALUE}).")
    void setTimeoutSeconds(int value) {
        timeoutSeconds = Usage.atLeast(spec, "--timeout-s", value, 1);
    }

    @Option(names = "--keep-running", description = "After the report, go on serving until Ctrl-C.")
    boolean keepRunning;

    private final CommandContext context;

    public DemoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig config = SettingsValidator.check(context.config().with(Map.of("app.profile", "local")));
        if (!"duckdb".equals(config.get("warehouse.dialect"))) {
            // the profile override does not re-read application-local.properties: the caller forced another profile
            throw Usage.error(spec, "demo needs the local profile (APP_PROFILE=local) and its DuckDB warehouse");
        }
        DemoRun.Report report = DemoRun.run(config, Clock.systemUTC(), filesPerHour, rows, seed,
                Duration.ofSeconds(timeoutSeconds), context.out(), context.terminal());
        report.print(context.out());
        if (keepRunning && report.ok()) {
            context.out().println("Serving on (Ctrl-C to stop)...");
            try (ServiceRuntime runtime = ServiceRuntime.create(config, Clock.systemUTC())) {
                runtime.runUntilShutdown();
            }
        }
        return report.ok() ? 0 : 1;
    }
}
