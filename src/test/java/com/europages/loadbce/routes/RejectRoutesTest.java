package com.europages.loadbce.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.transform.TransformException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Routes "reject" and "reject-file": once to the error queue with the reason, counted. */
class RejectRoutesTest extends RoutesTestSupport {

    @Override
    String[] routeFiles() {
        return new String[] {"reject.camel.yaml", "reject-file.camel.yaml"};
    }

    MockEndpoint errorQueue() {
        return getMockEndpoint("mock:aws2-sqs:ep-analytics-dataflow-errors");
    }

    @Test
    void anUndecodableMessageGoesWithItsOriginalBodyAndReason() throws Exception {
        errorQueue().expectedMessageCount(1);
        errorQueue().expectedBodiesReceived("{\"Records\": [");

        template.send("direct:reject", e -> {
            e.setProperty("OriginalBody", "{\"Records\": [");
            e.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalArgumentException("body is neither JSON nor Base64"));
            e.getMessage().setHeader("CamelAwsSqsMessageId", "m-1");
        });

        MockEndpoint.assertIsSatisfied(context);
        Message sent = errorQueue().getExchanges().get(0).getMessage();
        assertThat(sent.getHeader("ErrorReason")).isEqualTo("body is neither JSON nor Base64");
        assertThat(sent.getHeader("ErrorSourceQueue")).isEqualTo("ep-analytics-dataflow");
        assertThat(sent.getHeader("ErrorSourceMessageId")).isEqualTo("m-1");
        assertThat(counter("loadbce.messages.rejected")).isEqualTo(1);
    }

    @Test
    void anUnloadableFileGoesAsJsonNamingItWithTheReasonCountedByKind() throws Exception {
        errorQueue().expectedMessageCount(1);

        Exchange done = template.send("direct:reject-file", e -> {
            e.setProperty(Exchange.EXCEPTION_CAUGHT, new TransformException("Not a readable Parquet file: k"));
            e.getMessage().setHeader(Headers.BUCKET, "ep-analytics");
            e.getMessage().setHeader(Headers.KEY, "staging/x.parquet");
            e.getMessage().setHeader(Headers.ETAG, "etag-1");
            e.getMessage().setHeader(Headers.SIZE, 12L);
            e.getMessage().setHeader(Headers.DATE, "2022-05-01");
        });

        MockEndpoint.assertIsSatisfied(context);
        Message sent = errorQueue().getExchanges().get(0).getMessage();
        assertThat(sent.getHeader("ErrorKey")).isEqualTo("staging/x.parquet");
        assertThat(sent.getHeader("ErrorETag")).isEqualTo("etag-1");
        JsonNode body = new ObjectMapper().readTree(sent.getBody(String.class));
        assertThat(body.path("key").asText()).isEqualTo("staging/x.parquet");
        assertThat(body.path("reason").asText()).isEqualTo("Not a readable Parquet file: k");
        assertThat(counter("loadbce.files.rejected", "reason", "TransformException")).isEqualTo(1);
        assertThat(done.getProperty("DataFlowOutcome")).isEqualTo("rejected");
    }

    @Test
    void anUnloadableFileIsRecordedInTheWarehouseBeforeTheErrorQueueHasIt() throws Exception {
        MockEndpoint warehouse = getMockEndpoint("mock:jdbc:warehouse");
        warehouse.expectedMessageCount(1);
        // a warehouse that cannot record the rejection: nothing reaches the error queue, the message comes back
        warehouse.whenAnyExchangeReceived(e -> {
            throw new java.sql.SQLException("warehouse down");
        });
        errorQueue().expectedMessageCount(0);

        Exchange done = template.send("direct:reject-file", e -> {
            e.setProperty(Exchange.EXCEPTION_CAUGHT, new TransformException("Column 'x' is missing"));
            e.getMessage().setHeader(Headers.KEY, "staging/x.parquet");
            e.getMessage().setHeader(Headers.ETAG, "etag-1");
            e.getMessage().setHeader(Headers.DATE, "2022-05-01");
        });

        MockEndpoint.assertIsSatisfied(context);
        assertThat(done.getException()).hasMessageContaining("warehouse down");
        Message recorded = warehouse.getExchanges().get(0).getMessage();
        assertThat(recorded.getBody(String.class)).startsWith("INSERT INTO analytics.dataflow_rejected_files");
        assertThat(recorded.getHeader("ErrorReason")).isEqualTo("Column 'x' is missing");
        assertThat(recorded.getHeader("DataFlowRejectedAt")).isNotNull();
    }
}
