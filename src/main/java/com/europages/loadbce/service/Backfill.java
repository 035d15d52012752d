package com.europages.loadbce.service;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Finds the Data Flow files of some days in the staging prefix and queues an S3 ObjectCreated:Put notification for
 * each, marked as a backfill so the intake loads them whatever their day. Only objects listed directly under the
 * configured bucket and prefix, with a matching name, are ever queued: no key comes from the caller.
 */
public final class Backfill {

    /** A listed file of the range, with its date from the name. */
    public record StagedFile(S3ObjectRecord object, LocalDate date) {
    }

    private final String bucket;
    private final String prefix;
    private final FileNameRule names;
    private final S3Client s3;
    private final SqsClient sqs;
    private final String queueName;
    private final Clock clock;

    public Backfill(AppConfig config, S3Client s3, SqsClient sqs, Clock clock) {
        this.bucket = config.get("intake.bucket");
        this.prefix = config.get("intake.staging-prefix");
        this.names = new FileNameRule(config.get("intake.file-name-regex"), config.get("intake.file-date-format"));
        this.s3 = s3;
        this.sqs = sqs;
        this.queueName = config.get("sqs.queue-name");
        this.clock = clock;
    }

    /** The files of the days from..to (inclusive), ordered by date then key. */
    public List<StagedFile> list(LocalDate from, LocalDate to) {
        List<StagedFile> files = new ArrayList<>();
        // the delimiter keeps the listing to the prefix's own files: the intake refuses sub-folders anyway
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/")).contents()) {
            String fileName = o.key().substring(prefix.length());
            Optional<LocalDate> date = dateOf(fileName);
            if (date.isPresent() && !date.get().isBefore(from) && !date.get().isAfter(to)) {
                files.add(new StagedFile(new S3ObjectRecord("ObjectCreated:Put", bucket, o.key(), o.size(),
                        o.eTag() == null ? "" : o.eTag().replace("\"", ""), ""), date.get()));
            }
        }
        files.sort(Comparator.comparing(StagedFile::date).thenComparing(f -> f.object().key()));
        return files;
    }

    /** One notification per file, as S3 would have sent it, with the backfill message attribute. */
    public void enqueue(List<StagedFile> files) {
        String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        MessageAttributeValue marker = MessageAttributeValue.builder().dataType("String").stringValue("true").build();
        for (StagedFile f : files) {
            String body = S3EventWriter.notification(f.object(), clock.instant());
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(
                    Map.of(Headers.BACKFILL, marker)));
        }
    }

    public String queueName() {
        return queueName;
    }

    private Optional<LocalDate> dateOf(String fileName) {
        if (fileName.isEmpty() || fileName.contains("/")) {
            return Optional.empty();
        }
        try {
            return names.match(fileName).map(FileNameRule.FileName::date);
        } catch (DateTimeParseException impossibleDate) {
            return Optional.empty();
        }
    }
}
