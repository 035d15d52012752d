package com.europages.loadbce.cli;

import com.europages.loadbce.transform.ContractSuggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `contract suggest FILE.parquet`: contract lines for the file's columns the contract does not read yet. */
@Command(name = "suggest", header = "Print contract lines (name, source, type) for the columns of a Parquet file the contract lacks",
        description = "Print a contract line (name, source, type) for each column of a Parquet file the contract does not read yet, typed from the file's schema; a varchar is as long as the longest value, rounded up. Paste the lines under 'columns:' in the contract.")
public final class ContractSuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WarningsToStderr log;

    @Parameters(index = "0", paramLabel = "FILE.parquet", description = "A Data Flow export.")
    Path file;

    @Mixin
    ContractOption contract;

    private final CommandContext context;

    public ContractSuggestCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw Usage.error(spec, "no such file: " + file);
        }
        List<String> lines = ContractSuggestion.suggest(contract.settings(context).contract(), file);
        if (lines.isEmpty()) {
            context.err().println("Every column of " + file + " is already read by the contract");
        }
        lines.forEach(context.out()::println);
        return 0;
    }
}
