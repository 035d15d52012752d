package com.europages.loadbce.warehouse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;

/**
 * A route `policy` letting one exchange at a time through the steps it wraps, across all consumers (or one per value
 * of a header); an exchange waits for its turn at most the given time, then fails (and its SQS message comes back).
 */
public final class OneAtATime implements Policy {

    /** Values of the header share these locks by hash: two values may wait for each other, one value never runs twice. */
    private static final int STRIPES = 64;

    private final ReentrantLock[] locks;
    private final String header;
    private final Duration maxWait;

    private OneAtATime(int locks, String header, Duration maxWait) {
        this.locks = new ReentrantLock[locks];
        for (int i = 0; i < locks; i++) {
            this.locks[i] = new ReentrantLock(true);
        }
        this.header = header;
        this.maxWait = maxWait;
    }

    /** One exchange at a time. */
    public OneAtATime(Duration maxWait) {
        this(1, null, maxWait);
    }

    /** One exchange at a time per value of the header (e.g. per file). */
    public static OneAtATime perHeader(String header, Duration maxWait) {
        return new OneAtATime(STRIPES, header, maxWait);
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        String where = route == null ? "its route" : route.getRouteId();
        return exchange -> {
            ReentrantLock lock = lockFor(exchange);
            if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("waited " + maxWait.toSeconds() + " s for another exchange's turn in "
                        + where);
            }
            try {
                processor.process(exchange);
            } finally {
                lock.unlock();
            }
        };
    }

    private ReentrantLock lockFor(Exchange exchange) {
        if (header == null) {
            return locks[0];
        }
        Object value = exchange.getMessage().getHeader(header);
        return locks[Math.floorMod(String.valueOf(value).hashCode(), locks.length)];
    }
}
