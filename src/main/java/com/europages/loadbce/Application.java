package com.europages.loadbce;

import com.europages.loadbce.cli.CommandContext;
import com.europages.loadbce.cli.LogOption;
import com.europages.loadbce.cli.MainCommand;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.InvalidSettingsException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: runs the subcommand (serve by default) and turns its outcome into the process exit code. */
public final class Application {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private final Supplier<AppConfig> config;
    /** Only a fresh process can choose where logs go: log4j reads its configuration once. */
    private final boolean routesLogs;

    /** For tests: runs commands in this JVM, whose logging is already set up. */
    public Application(Supplier<AppConfig> config) {
        this(config, false);
    }

    private Application(Supplier<AppConfig> config, boolean routesLogs) {
        this.config = config;
        this.routesLogs = routesLogs;
    }

    public static void main(String[] args) {
        // before anything logs: log4j reads the layout and destination once, when it starts
        LogSetup.selectFormat(AppConfig::fromEnvironment);
        int code = new Application(AppConfig::fromEnvironment, true).run(args, System.out, System.err);
        // the embedded servers keep non-daemon threads; the exit code must not wait for them
        System.exit(code);
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandContext context = new CommandContext(config, out, err);
        CommandLine cli = MainCommand.commandLine(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(Application::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
        cli.setExecutionStrategy(parsed -> execute(parsed, context));
        return cli.execute(args);
    }

    private int execute(ParseResult parsed, CommandContext context) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        ParseResult executed = parsed;
        while (executed.hasSubcommand()) {
            executed = executed.subcommand();
        }
        if (routesLogs) {
            routeLogs(parsed, executed.commandSpec(), context);
        }
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            // picocli lets errors through; a missing class must end in the same one line as an exception
            throw new ExecutionException(executed.commandSpec().commandLine(), e.toString(), e);
        }
    }

    /** The command's log option decides; a command without one (serve) logs to stdout as log4j2.xml says. */
    private static void routeLogs(ParseResult parsed, CommandSpec executed, CommandContext context) {
        String command = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "serve";
        for (CommandSpec mixin : executed.mixins().values()) {
            if (mixin.userObject() instanceof LogOption option) {
                LogDestination destination = option.destination(command, context::config);
                LogSetup.route(destination);
                if (destination.file() != null) {
                    context.out().println("Log: " + shortest(destination.file()) + " (--verbose: on stderr)");
                }
            }
        }
    }

    private static String shortest(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * Bad arguments: one line naming the command and the problem; for an option or a value, picocli's suggestion (a
     * misspelt option), the usage line and where the help is. Exit 2.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String hint = "Run '" + command.getCommandSpec().qualifiedName() + " --help' for ";
        String unknownCommand = unknownCommand(e);
        if (unknownCommand != null) {
            // the commands are listed: a suggestion by spelling ("frobnicate": "generate") would only mislead
            err.println(path(command) + ": " + unknownCommand + ". " + hint + "what each does.");
            return EXIT_USAGE;
        }
        err.println(path(command) + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println(hint + "the options.");
        return EXIT_USAGE;
    }

    /** "Unknown command: 'x' (commands: ...)" for a word where a command was expected; null for other errors. */
    private static String unknownCommand(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "Unknown command: '" + unmatched.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        return null;
    }

    /** Invalid settings: one line each, exit 2. Any other failure: one line "COMMAND failed: Type: message", exit 1. */
    private static int failure(Exception e, CommandLine command) {
        PrintWriter err = command.getErr();
        if (e instanceof InvalidSettingsException invalid) {
            invalid.lines().forEach(err::println);
            return EXIT_USAGE;
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        // the type and the first useful cause: a bare getMessage() printed "generate failed: null"
        err.println(path(command) + " failed: " + FailureMessage.of(cause));
        return EXIT_FAILED;
    }

    /** "demo", "bench day"; the jar's own name for the top level. */
    private static String path(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName();
        String root = command.getCommandSpec().root().name();
        return qualified.equals(root) ? "load-bce-to-s3" : qualified.substring(root.length() + 1);
    }
}
