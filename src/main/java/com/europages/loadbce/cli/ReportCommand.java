package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.DayCompleteness;
import com.europages.loadbce.warehouse.DayReport;
import com.europages.loadbce.warehouse.Warehouse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the audit summary and the completeness of one file date from the warehouse, as text or JSON. */
@Command(name = "report",
        header = "Print the load audit of a day's files and its completeness per hour; exit 1 if none was loaded, "
                + "or a past day has files missing or rejected",
        description = "Print the load audit of a day's files: rows, company matches, replaced values, slowest file, and "
                + "per hour the files expected, loaded, rejected and missing. Exit 1 when no file of that day was "
                + "loaded, or when a past day has files missing or rejected. With DuckDB, stop the service first (one "
                + "process per database file).")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    WarningsToStderr log;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The file date (the day in the file names).")
    LocalDate date;

    @Option(names = "--json", description = "Print one JSON object instead of text (and nothing else on stdout).")
    boolean json;

    private final CommandContext context;

    public ReportCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig config = SettingsValidator.check(context.config());
        FileNameRule names = new FileNameRule(config.get("intake.file-name-regex"), config.get("intake.file-date-format"));
        try (Warehouse warehouse = Warehouse.open(config, TransformSettings.from(config).contract())) {
            DayReport report = DayReport.read(warehouse, date);
            DayCompleteness completeness = DayCompleteness.read(warehouse, date,
                    config.getInt("intake.expected-files-per-hour"), names);
            if (json) {
                ObjectNode out = report.toJson();
                out.set("completeness", completeness.toJson());
                context.out().println(out.toPrettyString());
            } else {
                report.printText(context.out(), warehouse.names().get("audit_table"));
                completeness.printText(context.out());
            }
            // a past day must be whole; today's is still arriving
            boolean past = date.isBefore(LocalDate.now(ZoneId.of(config.get("app.time-zone"))));
            return report.files() == 0 || (past && !completeness.complete()) ? 1 : 0;
        }
    }
}
