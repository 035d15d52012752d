package com.europages.loadbce.cli;

import java.util.List;

/** One subcommand of the jar: {@code java -jar load-bce-to-s3.jar <name> [args]}. */
public interface Command {

    String name();

    /** Arguments after the name, for --help, e.g. "IN.parquet OUT.parquet [--contract FILE]". */
    String usage();

    /** One line for the command list. */
    String summary();

    /** Returns the process exit code: 0 success, 1 failure; throw {@link UsageException} for bad arguments (2). */
    int run(List<String> args, CommandContext context) throws Exception;
}
