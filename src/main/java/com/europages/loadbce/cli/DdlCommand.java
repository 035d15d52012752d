package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.warehouse.RedshiftDdl;
import java.util.List;
import java.util.Set;

/** Prints the Redshift DDL of the load: external schema and table of the contract, final, audit and BCE tables. */
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
        return "Print the Redshift DDL: Spectrum external schema and table (from the contract), final, audit and BCE tables";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("contract"), Set.of()).expectPositional(0, 0);
        AppConfig config = context.config();
        var settings = TransformCommand.settings(options, context);
        context.out().println(RedshiftDdl.script(config, settings.contract()));
        return 0;
    }
}
