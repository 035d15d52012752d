package com.europages.loadbce.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.TypeConversionException;

/** The jar's command line: the subcommands, their help from their own definitions, and serve when none is given. */
@Command(name = "java -jar load-bce-to-s3.jar", mixinStandardHelpOptions = true, versionProvider = MainCommand.Version.class,
        description = "Loads Piano Analytics Data Flow Parquet files from S3 into the Redshift warehouse.",
        synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands (default: serve):%n",
        footerHeading = "%n",
        usageHelpWidth = 100,
        footer = {
            "Settings: application.properties in the working directory (or APP_CONFIG_DIR), then "
                + "application-<profile>.properties (APP_PROFILE=local|production). Every key can be overridden by an "
                + "environment variable: sqs.queue-name -> SQS_QUEUE_NAME. See README.md.",
            "Exit codes: 0 success (serve: also after SIGTERM or Ctrl-C), 1 failure, 2 bad arguments or invalid "
                + "settings."})
public final class MainCommand implements Callable<Integer> {

    private final ServeCommand serve;

    public MainCommand(ServeCommand serve) {
        this.serve = serve;
    }

    /** Every subcommand, in the order --help lists them. */
    public static CommandLine commandLine(CommandContext context) {
        ServeCommand serve = new ServeCommand(context);
        CommandLine cli = new CommandLine(new MainCommand(serve))
                .addSubcommand(serve)
                .addSubcommand(new DemoCommand(context))
                .addSubcommand(new DrainCommand(context))
                .addSubcommand(new BackfillCommand(context))
                .addSubcommand(new ReportCommand(context))
                .addSubcommand(new TransformCommand(context))
                .addSubcommand(new DdlCommand(context))
                .addSubcommand(new CommandLine(new ContractCommand())
                        .addSubcommand(new ContractSuggestCommand(context)))
                .addSubcommand(new GenerateCommand(context))
                .addSubcommand(new CommandLine(new BenchCommand())
                        .addSubcommand(new BenchTransformCommand(context))
                        .addSubcommand(new BenchDayCommand(context)))
                .addSubcommand(new CommandLine.HelpCommand());
        withHelpOptions(cli);
        cli.setUsageHelpWidth(100);
        // after the subcommands: picocli registers a converter with those added before it
        return cli.registerConverter(LocalDate.class, MainCommand::date);
    }

    /** -h and -V on every command; picocli's inherited options would clash with the help command's own -h. */
    private static void withHelpOptions(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                withHelpOptions(sub);
            }
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("a date is YYYY-MM-DD, got '" + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        return serve.call();
    }

    /** The jar's Implementation-Version (manifest), or "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MainCommand.class.getPackage().getImplementationVersion();
            return new String[] {"load-bce-to-s3 " + (v == null ? "(development build)" : v)};
        }
    }
}
