package com.europages.loadbce.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every skip reason: the record is acknowledged (no error), not handed off, and counted under its reason. */
class RecordFilterRouteTest extends RouteTestSupport {

    @ParameterizedTest(name = "{0}: {1} {2}/{3}")
    @CsvSource({
        "not-created,    ObjectRemoved:Delete,  ep-analytics,   staging/dataflow_europages_20220501_13_2.parquet",
        "other-bucket,   ObjectCreated:Put,     other-bucket,   staging/dataflow_europages_20220501_13_2.parquet",
        "other-prefix,   ObjectCreated:Put,     ep-analytics,   transformed/dataflow_europages_20220501_13_2.parquet",
        "other-prefix,   ObjectCreated:Put,     ep-analytics,   staging/sub/dataflow_europages_20220501_13_2.parquet",
        "other-prefix,   ObjectCreated:Put,     ep-analytics,   staging/",
        "name-mismatch,  ObjectCreated:Put,     ep-analytics,   staging/dataflow_europages_20220501_13_2.csv",
        "name-mismatch,  ObjectCreated:Put,     ep-analytics,   staging/dataflow_europages_2022050_13_2.parquet",
        "invalid-date,   ObjectCreated:Put,     ep-analytics,   staging/dataflow_europages_20220231_13_2.parquet",
        "outside-window, ObjectCreated:Put,     ep-analytics,   staging/dataflow_europages_20220430_13_2.parquet",
        "outside-window, ObjectCreated:Put,     ep-analytics,   staging/dataflow_europages_20220502_13_2.parquet"
    })
    void skippedRecordIsAcknowledgedAndCountedUnderItsReason(String reason, String eventName, String bucket, String key)
            throws Exception {
        getMockEndpoint("mock:direct:transform").expectedMessageCount(0);
        getMockEndpoint("mock:aws2-sqs:ep-analytics-dataflow-errors").expectedMessageCount(0);
        String body = S3EventWriter.notification(new S3ObjectRecord(eventName, bucket, key, 1, "e", "s"), Instant.EPOCH);

        Exchange result = template.send("direct:sqs", e -> e.getMessage().setBody(body));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(skipped(reason)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"ObjectCreated:Put", "ObjectCreated:Post", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload"})
    void everyObjectCreatedKindIsAccepted(String eventName) throws Exception {
        getMockEndpoint("mock:direct:transform").expectedMessageCount(1);
        String body = S3EventWriter.notification(new S3ObjectRecord(eventName, "ep-analytics",
                "staging/dataflow_europages_20220501_13_2.parquet", 1, "e", "s"), Instant.EPOCH);
        template.sendBody("direct:sqs", body);
        MockEndpoint.assertIsSatisfied(context);
    }
}
