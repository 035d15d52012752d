package com.europages.loadbce.cli;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.service.Backfill;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues the staged files of past days for loading again (or for the first time), past the previous-day rule. */
public final class BackfillCommand implements Command {

    /** A bound on one run, against a mistyped year flooding the queue. */
    static final int MAX_DAYS = 366;

    private final Clock clock;

    public BackfillCommand() {
        this(Clock.systemUTC());
    }

    BackfillCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "backfill";
    }

    @Override
    public String usage() {
        return "--from YYYY-MM-DD --to YYYY-MM-DD [--dry-run]";
    }

    @Override
    public String summary() {
        return "Queue an S3 event for every staged Data Flow file of those days (loads them again; a rerun is idempotent)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options o = Options.parse(args, Set.of("from", "to"), Set.of("dry-run")).expectPositional(0, 0);
        LocalDate from = date(o, "from");
        LocalDate to = date(o, "to");
        AppConfig config = SettingsValidator.check(context.config());
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of(config.get("app.time-zone")))).minusDays(1);
        if (from.isAfter(to)) {
            throw new UsageException("--from " + from + " is after --to " + to);
        }
        if (to.isAfter(yesterday)) {
            throw new UsageException("--to " + to + " is not a past day: today's files are still arriving (yesterday is "
                    + yesterday + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new UsageException("at most " + MAX_DAYS + " days per run");
        }
        try (S3Client s3 = AwsClients.s3(config); SqsClient sqs = AwsClients.sqs(config)) {
            Backfill backfill = new Backfill(config, s3, sqs, clock);
            List<Backfill.StagedFile> files = backfill.list(from, to);
            String verb = o.has("dry-run") ? "would queue" : "queued";
            if (!o.has("dry-run")) {
                backfill.enqueue(files);
            }
            for (Backfill.StagedFile f : files) {
                context.out().printf("%s %s  %s  %,d bytes%n", verb, f.object().uri(), f.date(), f.object().size());
            }
            context.out().printf("backfill %s..%s: %d file(s) %s to %s%n", from, to, files.size(),
                    o.has("dry-run") ? "would be queued" : "queued", backfill.queueName());
        }
        return 0;
    }

    private static LocalDate date(Options o, String name) {
        if (!o.has(name)) {
            throw new UsageException("--from and --to are required");
        }
        try {
            return LocalDate.parse(o.get(name, null));
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be YYYY-MM-DD, got '" + o.get(name, null) + "'");
        }
    }
}
