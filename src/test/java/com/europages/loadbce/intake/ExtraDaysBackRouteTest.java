package com.europages.loadbce.intake;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** intake.extra-days-back widens the window backwards, never forwards. */
class ExtraDaysBackRouteTest extends RouteTestSupport {

    @Override
    Map<String, String> overrides() {
        return Map.of("intake.extra-days-back", "2");
    }

    @Test
    void filesUpToTheConfiguredDaysBeforeYesterdayAreAccepted() throws Exception {
        MockEndpoint transform = getMockEndpoint("mock:direct:transform");
        transform.expectedHeaderValuesReceivedInAnyOrder(Headers.DATE, "2022-05-01", "2022-04-30", "2022-04-29");
        for (String day : new String[] {"20220501", "20220430", "20220429", "20220428", "20220502"}) {
            template.sendBody("direct:sqs", S3EventWriter.notification(new S3ObjectRecord("ObjectCreated:Put",
                    "ep-analytics", "staging/dataflow_europages_" + day + "_00_1.parquet", 1, "e", "s"), Instant.EPOCH));
        }
        MockEndpoint.assertIsSatisfied(context);
    }
}
