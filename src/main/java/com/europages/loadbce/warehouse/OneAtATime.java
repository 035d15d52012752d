package com.europages.loadbce.warehouse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;

/**
 * A route `policy` letting one exchange at a time through the steps it wraps, across all consumers; an exchange
 * waits for its turn at most the given time, then fails (and its SQS message comes back later).
 */
public final class OneAtATime implements Policy {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Duration maxWait;

    public OneAtATime(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> {
            if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("waited " + maxWait.toSeconds() + " s for another exchange's turn in "
                        + route.getRouteId());
            }
            try {
                processor.process(exchange);
            } finally {
                lock.unlock();
            }
        };
    }
}
