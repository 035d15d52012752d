package com.europages.loadbce.faults;

import com.europages.loadbce.observe.FileOutcomeLog;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Collects the service's per-file outcome lines (logger com.europages.loadbce.files) while a fault test runs. */
final class FileOutcomeLines implements AutoCloseable {

    private static final Pattern DURATION = Pattern.compile("duration_ms=(\\d+)");
    private static final String NAME = "file-outcome-probe";

    private final StringWriter text = new StringWriter();
    private final Appender appender;

    FileOutcomeLines() {
        appender = WriterAppender.newBuilder().setName(NAME).setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").build()).build();
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        ctx.updateLoggers();
    }

    /** The lines of files that failed (left for redelivery), so far. */
    List<String> failed() {
        return text.toString().lines().filter(l -> l.startsWith(FileOutcomeLog.LOGGER + " ") && l.contains(" failed: "))
                .toList();
    }

    /** The longest duration_ms among the failed lines. */
    long longestFailureMillis() {
        return failed().stream().map(DURATION::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(NAME);
        ctx.updateLoggers();
        appender.stop();
    }
}
