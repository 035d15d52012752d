package com.europages.loadbce.bench;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.service.LoaderThreads;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Breaks each file's time down by stage, from the endpoints the routes send to (Camel's ExchangeSentEvent, with the time
 * each send took): S3 get (getObject and the download to a temp file), transform (the transformer's own report),
 * loader wait (the consumer waiting for a free loader thread), S3 put, the local warehouse's copy, load (the
 * SQL statements), commit (the load transaction less its statements) and the rest of the route. SQS is the time
 * between the end of one file and the start of the next, zero when the next file started before (a file's upload and
 * load overlap the next file's transform). Bound as a bean before Camel starts, which adds it as an event notifier.
 */
public final class StageClock extends EventNotifierSupport {

    /** The stages, in the order of a file's path. */
    public enum Stage {
        SQS, S3_GET, TRANSFORM, LOADER_WAIT, S3_PUT, LOCAL_COPY, LOAD, COMMIT, OTHER
    }

    /** One file's time by stage, in nanoseconds. */
    public record FileTimes(String key, long[] nanos, long totalNanos) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final List<FileTimes> files = new ArrayList<>();
    private volatile long lastEnd;

    /** Files measured so far. */
    public synchronized int files() {
        return files.size();
    }

    /** The clock of the first file's gap (the intake starts now). */
    public void startIntake() {
        lastEnd = System.nanoTime();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        long now = System.nanoTime();
        long took = sent.getTimeTaken() * 1_000_000;
        Exchange exchange = sent.getExchange();
        Open file = open.computeIfAbsent(exchange.getExchangeId(), id -> new Open());
        String uri = sent.getEndpoint().getEndpointUri();
        if (uri.startsWith("aws2-s3:") && uri.contains("getObject")) {
            file.nanos[Stage.S3_GET.ordinal()] += took;
            file.getEnd = now;
        } else if (uri.startsWith("aws2-s3:")) {
            file.nanos[Stage.S3_PUT.ordinal()] += took;
            TransformReport report = exchange.getMessage().getHeader(ParquetTransformProcessor.REPORT_HEADER, TransformReport.class);
            long transform = report == null ? 0 : report.millis() * 1_000_000;
            file.nanos[Stage.TRANSFORM.ordinal()] += transform;
            // the put runs on the loader thread the transform route handed the file to
            long wait = LoaderThreads.currentWaitNanos();
            file.nanos[Stage.LOADER_WAIT.ordinal()] += wait;
            // the download to the temp file, between getObject and the transform
            file.nanos[Stage.S3_GET.ordinal()] += Math.max(0, now - took - file.getEnd - transform - wait);
        } else if (uri.startsWith("file:")) {
            file.nanos[Stage.LOCAL_COPY.ordinal()] += took;
        } else if (uri.startsWith("spring-jdbc:")) {
            file.nanos[Stage.LOAD.ordinal()] += took;
            file.statementsInTransaction += took;
        } else if (uri.startsWith("jdbc:")) {
            file.nanos[Stage.LOAD.ordinal()] += took;
        } else if (uri.equals("direct://load-transaction")) {
            file.nanos[Stage.COMMIT.ordinal()] += Math.max(0, took - file.statementsInTransaction);
        } else if (uri.equals("direct://transform")) {
            open.remove(exchange.getExchangeId());
            long start = now - took;
            synchronized (this) {
                file.nanos[Stage.SQS.ordinal()] = Math.max(0, start - lastEnd);
                lastEnd = now;
                long known = Arrays.stream(file.nanos).sum() - file.nanos[Stage.SQS.ordinal()];
                file.nanos[Stage.OTHER.ordinal()] = Math.max(0, took - known);
                files.add(new FileTimes(exchange.getMessage().getHeader(Headers.KEY, String.class), file.nanos,
                        took + file.nanos[Stage.SQS.ordinal()]));
            }
        }
    }

    /** One line per file (milliseconds per stage), then the sum and the median of each stage and its share of the sum. */
    public synchronized void print(PrintStream out) {
        StringBuilder header = new StringBuilder("file");
        for (Stage s : Stage.values()) {
            header.append(' ').append(s.name().toLowerCase(Locale.ROOT)).append("_ms");
        }
        out.println(header.append(" total_ms"));
        for (FileTimes f : files) {
            StringBuilder line = new StringBuilder(f.key());
            for (long n : f.nanos()) {
                line.append(' ').append(n / 1_000_000);
            }
            out.println(line.append(' ').append(f.totalNanos() / 1_000_000));
        }
        long total = files.stream().mapToLong(FileTimes::totalNanos).sum();
        StringBuilder sums = new StringBuilder("bench day stages files=" + files.size());
        for (Stage s : Stage.values()) {
            long[] v = files.stream().mapToLong(f -> f.nanos()[s.ordinal()]).sorted().toArray();
            long sum = Arrays.stream(v).sum();
            long median = v.length == 0 ? 0 : v[v.length / 2];
            String name = s.name().toLowerCase(Locale.ROOT);
            sums.append(String.format(Locale.ROOT, " %s_s=%.1f %s_pct=%.0f %s_median_ms=%d", name, sum / 1e9, name,
                    total == 0 ? 0 : 100.0 * sum / total, name, median / 1_000_000));
        }
        out.println(sums);
    }

    /** What a file in flight has measured so far. */
    private static final class Open {
        final long[] nanos = new long[Stage.values().length];
        long getEnd;
        long statementsInTransaction;
    }
}
