package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.ExchangeFailedEvent;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A failed message is hidden for visibility x 2^(receives-1) seconds, capped: transient errors back off. */
class RedeliveryBackoffTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void delayDoublesWithEachReceiveUpToTheMaximum() {
        RedeliveryBackoff backoff = new RedeliveryBackoff(null, "q", 5, 60);
        assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(backoff::delaySeconds).toList())
                .containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
    }

    @Test
    void aFailedFourthReceiveHidesTheMessageEightTimesTheVisibility() throws Exception {
        String queue = local.config().get("sqs.queue-name");
        String url = local.inputQueueUrl();
        local.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{}"));
        Message m = local.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1).waitTimeSeconds(2)).messages().get(0);

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("sqs", local.sqs());
        Exchange failed = new DefaultExchange(camel);
        // what the aws2-sqs consumer of the input queue gives its exchanges, whatever the route is called
        failed.getExchangeExtension().setFromEndpoint(camel.getEndpoint("aws2-sqs:" + queue + "?amazonSQSClient=#sqs"));
        failed.getMessage().setHeader("CamelAwsSqsReceiptHandle", m.receiptHandle());
        failed.getMessage().setHeader("CamelAwsSqsAttributes",
                Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "4"));
        new RedeliveryBackoff(local.sqs(), queue, 1, 60).notify(new ExchangeFailedEvent(failed));

        // 1 s x 2^3 = 8 s: still hidden well after the plain 1 s timeout, back before 12 s
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> receive(url).isEmpty());
        await().atMost(Duration.ofSeconds(12)).until(() -> !receive(url).isEmpty());
    }

    @Test
    void aFailedExchangeOfAnotherEndpointIsLeftAlone() {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("sqs", local.sqs());
        Exchange failed = new DefaultExchange(camel);
        failed.getExchangeExtension().setFromEndpoint(camel.getEndpoint("aws2-sqs:some-other-queue?amazonSQSClient=#sqs"));
        failed.getMessage().setHeader("CamelAwsSqsReceiptHandle", "handle");
        // no SQS client: a call would fail the test
        new RedeliveryBackoff(null, local.config().get("sqs.queue-name"), 1, 60).notify(new ExchangeFailedEvent(failed));
        failed.getExchangeExtension().setFromEndpoint(camel.getEndpoint("direct:sqs"));
        new RedeliveryBackoff(null, local.config().get("sqs.queue-name"), 1, 60).notify(new ExchangeFailedEvent(failed));
    }

    static List<Message> receive(String url) {
        return local.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).waitTimeSeconds(0)).messages();
    }
}
