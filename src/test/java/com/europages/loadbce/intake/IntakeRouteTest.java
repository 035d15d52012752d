package com.europages.loadbce.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.TestFiles;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each sample format reaches the transform hand-off with the right headers; the test event and bad bodies do not. */
class IntakeRouteTest extends RouteTestSupport {

    private MockEndpoint transform() {
        return getMockEndpoint("mock:direct:transform");
    }

    private MockEndpoint errorQueue() {
        return getMockEndpoint("mock:aws2-sqs:ep-analytics-dataflow-errors");
    }

    @ParameterizedTest
    @CsvSource({
        "direct-put.json,       staging/dataflow_europages_20220501_13_2.parquet, 13, 2, 1834211",
        "direct-put.base64.txt, staging/dataflow_europages_20220501_13_2.parquet, 13, 2, 1834211",
        "sns-envelope.json,     staging/dataflow_europages_20220501_14_1.parquet, 14, 1, 73400320",
        "eventbridge.json,      staging/dataflow_europages_20220501_15_3.parquet, 15, 3, 2011873"
    })
    void everySampleFormatIsHandedOffWithItsHeaders(String sample, String key, int hour, int part, long size)
            throws Exception {
        transform().expectedMessageCount(1);
        transform().expectedHeaderReceived(Headers.BUCKET, "ep-analytics");
        transform().expectedHeaderReceived(Headers.KEY, key);
        transform().expectedHeaderReceived(Headers.DATE, "2022-05-01");
        transform().expectedHeaderReceived(Headers.HOUR, hour);
        transform().expectedHeaderReceived(Headers.PART, part);
        transform().expectedHeaderReceived(Headers.SIZE, size);
        errorQueue().expectedMessageCount(0);

        Exchange result = template.send("direct:sqs", e -> e.getMessage().setBody(TestFiles.sample(sample)));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(transform().getExchanges().get(0).getMessage().getHeader(Headers.ETAG, String.class)).isNotEmpty();
        assertThat(counter("loadbce.records.accepted")).isEqualTo(1);
    }

    @Test
    void testEventIsAcknowledgedAndIgnored() throws Exception {
        transform().expectedMessageCount(0);
        errorQueue().expectedMessageCount(0);

        Exchange result = template.send("direct:sqs", e -> e.getMessage().setBody(TestFiles.sample("test-event.json")));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void undecodableBodyGoesOnceToTheErrorQueueWithItsReasonAndOriginalBody() throws Exception {
        transform().expectedMessageCount(0);
        errorQueue().expectedMessageCount(1);
        errorQueue().expectedBodiesReceived("{\"Records\": [");

        Exchange result = template.send("direct:sqs", e -> e.getMessage().setBody("{\"Records\": ["));

        assertThat(result.getException()).as("handled: the input message is deleted").isNull();
        MockEndpoint.assertIsSatisfied(context);
        String reason = errorQueue().getExchanges().get(0).getMessage().getHeader("ErrorReason", String.class);
        assertThat(reason).contains("neither JSON nor Base64");
        assertThat(counter("loadbce.messages.rejected")).isEqualTo(1);
    }

    @Test
    void unknownShapeGoesToTheErrorQueueNamingTheShape() throws Exception {
        errorQueue().expectedMessageCount(1);
        template.send("direct:sqs", e -> e.getMessage().setBody("{\"hello\":\"world\"}"));
        MockEndpoint.assertIsSatisfied(context);
        assertThat(errorQueue().getExchanges().get(0).getMessage().getHeader("ErrorReason", String.class))
                .contains("unknown event shape", "hello");
    }

    @Test
    void skippedAndAcceptedRecordsOfOneMessageAreEachHandledOnTheirOwn() throws Exception {
        transform().expectedMessageCount(2);
        transform().expectedHeaderValuesReceivedInAnyOrder(Headers.KEY,
                "staging/dataflow_europages_20220501_00_1.parquet", "staging/dataflow_europages_20220501_23_4.parquet");
        String body = S3EventWriter.notification("ObjectCreated:Put", List.of(
                record("staging/dataflow_europages_20220501_00_1.parquet"),
                record("staging/dataflow_europages_20220430_00_1.parquet"),
                record("staging/readme.txt"),
                record("staging/dataflow_europages_20220501_23_4.parquet")), Instant.EPOCH);

        Exchange result = template.send("direct:sqs", e -> e.getMessage().setBody(body));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(skipped("outside-window")).isEqualTo(1);
        assertThat(skipped("name-mismatch")).isEqualTo(1);
    }

    @Test
    void failureAfterTheFilterPropagatesSoTheMessageIsNotDeleted() throws Exception {
        transform().whenAnyExchangeReceived(e -> {
            throw new IllegalStateException("warehouse down");
        });
        errorQueue().expectedMessageCount(0);

        Exchange result = template.send("direct:sqs", e -> e.getMessage().setBody(TestFiles.sample("direct-put.json")));

        assertThat(result.getException()).as("unhandled: SQS keeps the message for redelivery")
                .hasMessage("warehouse down");
        MockEndpoint.assertIsSatisfied(context);
    }

    static S3ObjectRecord record(String key) {
        return new S3ObjectRecord("ObjectCreated:Put", "ep-analytics", key, 10, "etag", "seq");
    }
}
