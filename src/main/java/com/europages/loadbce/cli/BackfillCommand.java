package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.service.Backfill;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues the staged files of past days for loading again (or for the first time), past the previous-day rule. */
@Command(name = "backfill", header = "Queue the staged files of past days for loading (idempotent)",
        description = "Queue an S3 event for every staged Data Flow file of those days: the service loads them whatever their day. A rerun is idempotent (each file's rows are replaced). At most " + BackfillCommand.MAX_DAYS + " days, ending before today.")
public final class BackfillCommand implements Callable<Integer> {

    /** A bound on one run, against a mistyped year flooding the queue. */
    static final int MAX_DAYS = 366;

    @Spec
    CommandSpec spec;

    @Mixin
    LogToFile log;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First file date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last file date (a past day).")
    LocalDate to;

    @Option(names = "--dry-run", description = "List the files, queue nothing.")
    boolean dryRun;

    private final CommandContext context;
    private final Clock clock;

    public BackfillCommand(CommandContext context) {
        this.context = context;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Integer call() throws Exception {
        if (from.isAfter(to)) {
            throw Usage.error(spec, "--from " + from + " is after --to " + to);
        }
        AppConfig config = SettingsValidator.check(context.config());
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of(config.get("app.time-zone")))).minusDays(1);
        if (to.isAfter(yesterday)) {
            throw Usage.error(spec, "--to " + to + " is not a past day: today's files are still arriving (yesterday is "
                    + yesterday + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Usage.error(spec, "at most " + MAX_DAYS + " days per run");
        }
        try (S3Client s3 = AwsClients.s3(config); SqsClient sqs = AwsClients.sqs(config)) {
            Backfill backfill = new Backfill(config, s3, sqs, clock);
            List<Backfill.StagedFile> files = backfill.list(from, to);
            String verb = dryRun ? "would queue" : "queued";
            if (!dryRun) {
                backfill.enqueue(files);
            }
            for (Backfill.StagedFile f : files) {
                context.out().printf("%s %s  %s  %,d bytes%n", verb, f.object().uri(), f.date(), f.object().size());
            }
            context.out().printf("backfill %s..%s: %d file(s) %s to %s%n", from, to, files.size(),
                    dryRun ? "would be queued" : "queued", backfill.queueName());
        }
        return 0;
    }
}
