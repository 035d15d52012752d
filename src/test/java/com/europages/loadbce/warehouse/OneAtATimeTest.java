package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The load policy: one exchange per file at a time, other files not held up. */
class OneAtATimeTest {

    final CamelContext camel = new DefaultCamelContext();

    Exchange exchangeFor(String key) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader("DataFlowKey", key);
        return e;
    }

    /** Runs an exchange on its own thread through a step that holds until released. */
    Thread hold(Processor policy, Exchange exchange) {
        Thread t = new Thread(() -> {
            try {
                policy.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void aSecondExchangeOfTheSameFileWaitsForTheFirstAndFailsPastTheBound() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Processor policy = OneAtATime.perHeader("DataFlowKey", Duration.ofMillis(300)).wrap(null, exchange -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        Thread first = hold(policy, exchangeFor("staging/a.parquet"));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        Processor sameLock = policy;
        assertThatThrownBy(() -> sameLock.process(exchangeFor("staging/a.parquet")))
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        first.join(10_000);
    }

    @Test
    void anotherFileGoesThroughWhileTheFirstHoldsItsTurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothInside = new CountDownLatch(2);
        Processor policy = OneAtATime.perHeader("DataFlowKey", Duration.ofSeconds(10)).wrap(null, exchange -> {
            bothInside.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        // two keys of different lock stripes: "a" and "b" hash to neighbouring stripes
        Thread first = hold(policy, exchangeFor("a"));
        Thread second = hold(policy, exchangeFor("b"));
        assertThat(bothInside.await(10, TimeUnit.SECONDS)).as("both files inside at once").isTrue();
        release.countDown();
        first.join(10_000);
        second.join(10_000);
    }
}
