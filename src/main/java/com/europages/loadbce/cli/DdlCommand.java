package com.europages.loadbce.cli;

import com.europages.loadbce.warehouse.RedshiftDdl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints the Redshift DDL of the load: external schema and table of the contract, final, audit and BCE tables. */
@Command(name = "ddl", header = "Print the Redshift DDL: Spectrum external table, final, audit and BCE tables",
        description = "Print the Redshift DDL: the Spectrum external schema and table (from the contract), the final, audit and BCE tables.")
public final class DdlCommand implements Callable<Integer> {

    @Mixin
    WarningsToStderr log;

    @Mixin
    ContractOption contract;

    private final CommandContext context;

    public DdlCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println(RedshiftDdl.script(context.config(), contract.settings(context).contract()));
        return 0;
    }
}
