package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.SpectrumDdl;
import java.util.List;
import java.util.Set;

/** Prints the Spectrum CREATE EXTERNAL TABLE of the column contract. */
public final class DdlCommand implements Command {

    @Override
    public String name() {
        return "ddl";
    }

    @Override
    public String usage() {
        return "[--contract FILE]";
    }

    @Override
    public String summary() {
        return "Print the Redshift Spectrum CREATE EXTERNAL TABLE of the column contract";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("contract"), Set.of()).expectPositional(0, 0);
        AppConfig config = context.config();
        var settings = TransformCommand.settings(options, context);
        context.out().println(SpectrumDdl.createExternalTable(settings.contract(),
                config.get("warehouse.external-schema"), config.get("warehouse.external-table"),
                config.get("warehouse.external-location")));
        return 0;
    }
}
