package com.europages.loadbce.intake;

import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Puts an S3 record's facts into headers and, when the record is not a previous-day Data Flow file of the staging
 * prefix (any day for a backfill message), the reason to skip it. The route's filter reads the reason; this class decides, the route acts.
 */
public class RecordClassifier implements Processor {

    private final String bucket;
    private final String stagingPrefix;
    private final FileNameRule fileNameRule;
    private final LoadWindow window;

    public RecordClassifier(String bucket, String stagingPrefix, FileNameRule fileNameRule, LoadWindow window) {
        this.bucket = bucket;
        this.stagingPrefix = stagingPrefix;
        this.fileNameRule = fileNameRule;
        this.window = window;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        S3ObjectRecord record = exchange.getMessage().getMandatoryBody(S3ObjectRecord.class);
        Message msg = exchange.getMessage();
        msg.setHeader(Headers.BUCKET, record.bucket());
        msg.setHeader(Headers.KEY, record.key());
        msg.setHeader(Headers.FILE_NAME, record.fileName());
        msg.setHeader(Headers.SIZE, record.size());
        msg.setHeader(Headers.ETAG, record.eTag());
        msg.setHeader(Headers.EVENT_NAME, record.eventName());
        classify(record, msg, "true".equalsIgnoreCase(String.valueOf(msg.getHeader(Headers.BACKFILL))));
    }

    /** @param backfill queued by `backfill` for chosen past days: the load window does not apply */
    private void classify(S3ObjectRecord record, Message msg, boolean backfill) {
        if (!record.isCreated()) {
            skip(msg, SkipReason.NOT_CREATED, "event " + record.eventName());
        } else if (!bucket.equals(record.bucket())) {
            skip(msg, SkipReason.OTHER_BUCKET, "bucket " + record.bucket() + " is not " + bucket);
        } else if (!isDirectlyUnderPrefix(record.key())) {
            skip(msg, SkipReason.OTHER_PREFIX, "key is not a file directly under " + stagingPrefix);
        } else {
            Optional<FileNameRule.FileName> name;
            try {
                name = fileNameRule.match(record.fileName());
            } catch (DateTimeParseException e) {
                skip(msg, SkipReason.INVALID_DATE, "file name date is not a real date: " + e.getParsedString());
                return;
            }
            if (name.isEmpty()) {
                skip(msg, SkipReason.NAME_MISMATCH, "file name does not match intake.file-name-regex");
            } else if (!backfill && !window.contains(name.get().date())) {
                skip(msg, SkipReason.OUTSIDE_WINDOW, "file date " + name.get().date() + " is not in "
                        + window.earliest() + ".." + window.yesterday());
            } else {
                msg.setHeader(Headers.DATE, name.get().date().toString());
                msg.setHeader(Headers.HOUR, name.get().hour());
                msg.setHeader(Headers.PART, name.get().part());
            }
        }
    }

    /** Sub-folders and relative segments are refused: the transformed key is derived from the file name alone. */
    private boolean isDirectlyUnderPrefix(String key) {
        if (!key.startsWith(stagingPrefix)) {
            return false;
        }
        String rest = key.substring(stagingPrefix.length());
        return !rest.isEmpty() && rest.indexOf('/') < 0 && !rest.equals("..") && !rest.equals(".");
    }

    private static void skip(Message msg, SkipReason reason, String detail) {
        msg.setHeader(Headers.SKIP_REASON, reason.code());
        msg.setHeader(Headers.SKIP_DETAIL, detail);
    }
}
