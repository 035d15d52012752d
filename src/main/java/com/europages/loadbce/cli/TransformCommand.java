package com.europages.loadbce.cli;

import com.europages.loadbce.transform.TransformReport;
import com.europages.loadbce.transform.TransformSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the transformer on one local file and prints the report as JSON. */
@Command(name = "transform", header = "Transform one Parquet file with the column contract; print the report as JSON",
        description = "Transform one Data Flow Parquet file with the column contract and print the report as JSON on stdout (nothing else goes there). Exit 1 with one line on stderr when the file cannot be transformed.")
public final class TransformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WarningsToStderr log;

    @Parameters(index = "0", paramLabel = "IN.parquet", description = "The source file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.parquet", description = "The transformed file to write.")
    Path out;

    @Mixin
    ContractOption contract;

    @Option(names = "--source-key", paramLabel = "KEY", description = "The S3 key written to the source_key column (default: the input's file name).")
    String sourceKey;

    private final CommandContext context;

    public TransformCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(in)) {
            throw Usage.error(spec, "input file not found: " + in);
        }
        TransformSettings settings = contract.settings(context);
        String key = sourceKey != null ? sourceKey : in.getFileName().toString();
        TransformReport report = settings.transformer().transform(in, out, key);
        context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
        return 0;
    }
}
