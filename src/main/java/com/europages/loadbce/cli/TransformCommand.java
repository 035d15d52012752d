package com.europages.loadbce.cli;

import com.europages.loadbce.transform.TransformReport;
import com.europages.loadbce.transform.TransformSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Runs the transformer on one local file and prints the report as JSON. */
public final class TransformCommand implements Command {

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public String usage() {
        return "IN.parquet OUT.parquet [--contract FILE] [--source-key KEY]";
    }

    @Override
    public String summary() {
        return "Transform one Data Flow Parquet file with the column contract; print the report as JSON";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = Options.parse(args, Set.of("contract", "source-key"), Set.of()).expectPositional(2, 2);
        Path in = Path.of(options.positional().get(0));
        Path out = Path.of(options.positional().get(1));
        if (!Files.isRegularFile(in)) {
            throw new UsageException("input file not found: " + in);
        }
        TransformSettings settings = settings(options, context);
        String key = options.get("source-key", in.getFileName().toString());
        TransformReport report = settings.transformer().transform(in, out, key);
        context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
        return 0;
    }

    /** The configured settings; with --contract, defaults when there is no configuration folder. */
    static TransformSettings settings(Options options, CommandContext context) {
        if (!options.has("contract")) {
            return TransformSettings.from(context.config());
        }
        Path contract = Path.of(options.get("contract", null));
        try {
            return TransformSettings.from(context.config()).withContract(contract);
        } catch (IllegalStateException noConfiguration) {
            return TransformSettings.defaults(contract);
        }
    }
}
