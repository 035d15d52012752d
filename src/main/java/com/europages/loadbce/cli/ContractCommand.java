package com.europages.loadbce.cli;

import com.europages.loadbce.transform.ContractSuggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** `contract suggest FILE.parquet`: contract lines for the file's columns the contract does not read yet. */
public final class ContractCommand implements Command {

    @Override
    public String name() {
        return "contract";
    }

    @Override
    public String usage() {
        return "suggest FILE.parquet [--contract FILE]";
    }

    @Override
    public String summary() {
        return "Print contract lines (name, source, type) for the columns of a Parquet file the contract lacks";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("contract"), Set.of()).expectPositional(2, 2);
        if (!options.positional().get(0).equals("suggest")) {
            throw new UsageException("unknown action '" + options.positional().get(0) + "' (only: suggest)");
        }
        Path file = Path.of(options.positional().get(1));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        var contract = TransformCommand.settings(options, context).contract();
        List<String> lines = ContractSuggestion.suggest(contract, file);
        if (lines.isEmpty()) {
            context.err().println("Every column of " + file + " is already read by the contract");
        }
        lines.forEach(context.out()::println);
        return 0;
    }
}
