package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.warehouse.DayCompleteness;
import com.europages.loadbce.warehouse.DayReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import com.europages.loadbce.warehouse.Warehouse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Prints the audit summary and the completeness of one file date from the warehouse, as text or JSON. */
public final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "--date YYYY-MM-DD [--json]";
    }

    @Override
    public String summary() {
        return "Print the load audit of a day's files (rows, matches, replaced values, slowest file) and its completeness per "
                + "hour; exit 1 if none loaded, or a past day has files missing or rejected";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options o = Options.parse(args, Set.of("date"), Set.of("json")).expectPositional(0, 0);
        if (!o.has("date")) {
            throw new UsageException("--date is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(o.get("date", null));
        } catch (DateTimeParseException e) {
            throw new UsageException("--date must be YYYY-MM-DD, got '" + o.get("date", null) + "'");
        }
        AppConfig config = SettingsValidator.check(context.config());
        FileNameRule names = new FileNameRule(config.get("intake.file-name-regex"), config.get("intake.file-date-format"));
        try (Warehouse warehouse = Warehouse.open(config, TransformSettings.from(config).contract())) {
            DayReport report = DayReport.read(warehouse, date);
            DayCompleteness completeness = DayCompleteness.read(warehouse, date,
                    config.getInt("intake.expected-files-per-hour"), names);
            if (o.has("json")) {
                ObjectNode json = report.toJson();
                json.set("completeness", completeness.toJson());
                context.out().println(json.toPrettyString());
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
