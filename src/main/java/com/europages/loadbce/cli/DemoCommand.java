package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.service.DemoRun;
import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The README's first command: a generated day through the whole pipeline on the embedded services, with a report. */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "[--rows N] [--files-per-hour N] [--seed S] [--timeout-s N] [--keep-running]";
    }

    @Override
    public String summary() {
        return "Run a generated day (yesterday, 24 h x 6 files, 500,000 rows) through local SQS, S3 and DuckDB; print a report";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options o = Options.parse(args, Set.of("rows", "files-per-hour", "seed", "timeout-s"), Set.of("keep-running"))
                .expectPositional(0, 0);
        int filesPerHour = o.getInt("files-per-hour", 6);
        long rows = o.getLong("rows", 500_000);
        if (filesPerHour < 1 || rows < 1) {
            throw new UsageException("--files-per-hour and --rows must be at least 1");
        }
        AppConfig config = SettingsValidator.check(context.config().with(Map.of("app.profile", "local")));
        if (!"duckdb".equals(config.get("warehouse.dialect"))) {
            // the profile override does not re-read application-local.properties: the caller forced another profile
            throw new UsageException("demo needs the local profile (APP_PROFILE=local) and its DuckDB warehouse");
        }
        DemoRun.Report report = DemoRun.run(config, Clock.systemUTC(), filesPerHour, rows, o.getLong("seed", 1),
                Duration.ofSeconds(o.getInt("timeout-s", 1800)), context.out());
        report.print(context.out());
        if (o.has("keep-running") && report.ok()) {
            context.out().println("Serving on (Ctrl-C to stop)...");
            try (ServiceRuntime runtime = ServiceRuntime.create(config, Clock.systemUTC())) {
                runtime.runUntilShutdown();
            }
        }
        return report.ok() ? 0 : 1;
    }
}
