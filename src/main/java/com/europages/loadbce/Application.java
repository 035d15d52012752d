package com.europages.loadbce;

import com.europages.loadbce.cli.BenchCommand;
import com.europages.loadbce.cli.BackfillCommand;
import com.europages.loadbce.cli.Command;
import com.europages.loadbce.cli.ContractCommand;
import com.europages.loadbce.cli.CommandContext;
import com.europages.loadbce.cli.DdlCommand;
import com.europages.loadbce.cli.DemoCommand;
import com.europages.loadbce.cli.DrainCommand;
import com.europages.loadbce.cli.GenerateCommand;
import com.europages.loadbce.cli.ReportCommand;
import com.europages.loadbce.cli.ServeCommand;
import com.europages.loadbce.cli.TransformCommand;
import com.europages.loadbce.cli.UsageException;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.InvalidSettingsException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point: picks the subcommand (serve by default) and turns its outcome into the process exit code. */
public final class Application {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Supplier<AppConfig> config;

    public Application(Supplier<AppConfig> config) {
        this.config = config;
        for (Command c : List.of(new ServeCommand(), new DemoCommand(), new DrainCommand(),
                new TransformCommand(), new DdlCommand(), new GenerateCommand(), new BenchCommand(),
                new BackfillCommand(), new ReportCommand(), new ContractCommand())) {
            commands.put(c.name(), c);
        }
    }

    public static void main(String[] args) {
        // before anything logs: log4j reads the layout choice once, when it starts
        LogFormat.select(AppConfig::fromEnvironment);
        int code = new Application(AppConfig::fromEnvironment).run(args, System.out, System.err);
        // the embedded servers keep non-daemon threads; the exit code must not wait for them
        System.exit(code);
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = Arrays.asList(args);
        String name = list.isEmpty() ? "serve" : list.get(0);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            printHelp(out);
            return EXIT_OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println("Unknown command or option: '" + name + "'. Commands: " + String.join(", ", commands.keySet())
                    + ". Run with --help for usage.");
            return EXIT_USAGE;
        }
        List<String> rest = list.subList(1, list.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("Usage: java -jar load-bce-to-s3.jar " + command.name() + " " + command.usage());
            out.println("  " + command.summary());
            return EXIT_OK;
        }
        try {
            return command.run(rest, new CommandContext(config, out, err));
        } catch (InvalidSettingsException e) {
            e.lines().forEach(err::println);
            return EXIT_USAGE;
        } catch (UsageException e) {
            err.println(command.name() + ": " + e.getMessage());
            err.println("Usage: java -jar load-bce-to-s3.jar " + command.name() + " " + command.usage());
            return EXIT_USAGE;
        } catch (Exception | Error e) {
            // the type and the first useful cause: a bare getMessage() printed "generate failed: null"
            err.println(command.name() + " failed: " + FailureMessage.of(e));
            return EXIT_FAILED;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("load-bce-to-s3: loads Piano Analytics Data Flow Parquet files from S3 into the Redshift warehouse.");
        out.println();
        out.println("Usage: java -jar load-bce-to-s3.jar [COMMAND] [ARGS]   (no command: serve)");
        out.println();
        out.println("Commands:");
        for (Command c : commands.values()) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
            out.printf("  %-10s   %s %s%n", "", c.name(), c.usage());
        }
        out.println();
        out.println("Configuration: application.properties in the working directory (or APP_CONFIG_DIR),");
        out.println("then application-<profile>.properties; APP_PROFILE=local|production chooses the profile.");
        out.println("Any key can be overridden by an environment variable: sqs.queue-name -> SQS_QUEUE_NAME.");
        out.println("Exit codes: 0 success (serve: also after SIGTERM or Ctrl-C), 1 failure, 2 bad arguments or settings.");
    }
}
