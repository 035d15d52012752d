package com.europages.loadbce.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A backfill message lifts only the previous-day rule: old files pass, every other rule still skips. */
class BackfillRecordRouteTest extends RouteTestSupport {

    @ParameterizedTest(name = "{0}={1} {2}: {3}")
    @CsvSource(nullValues = "none", value = {
        "backfill,     true,  staging/dataflow_europages_20220420_13_2.parquet, accepted",
        "backfill,     TRUE,  staging/dataflow_europages_20210101_00_0.parquet, accepted",
        "backfill,     true,  staging/dataflow_europages_20220501_13_2.parquet, accepted",
        "normal,       none,  staging/dataflow_europages_20220420_13_2.parquet, outside-window",
        "not backfill, false, staging/dataflow_europages_20220420_13_2.parquet, outside-window",
        "backfill,     true,  staging/sub/dataflow_europages_20220420_13_2.parquet, other-prefix",
        "backfill,     true,  staging/notes_20220420.parquet, name-mismatch",
        "backfill,     true,  staging/dataflow_europages_20220231_13_2.parquet, invalid-date"
    })
    void onlyTheWindowRuleIsLifted(String kind, String marker, String key, String outcome) throws Exception {
        boolean accepted = outcome.equals("accepted");
        getMockEndpoint("mock:direct:transform").expectedMessageCount(accepted ? 1 : 0);
        String body = S3EventWriter.notification(new S3ObjectRecord("ObjectCreated:Put", "ep-analytics", key, 1, "e", ""),
                Instant.EPOCH);
        Map<String, Object> headers = new HashMap<>();
        if (marker != null) {
            headers.put(Headers.BACKFILL, marker);
        }
        template.sendBodyAndHeaders("direct:sqs", body, headers);
        MockEndpoint.assertIsSatisfied(context);
        if (!accepted) {
            assertThat(skipped(outcome)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"other-bucket, ObjectCreated:Put", "not-created, ObjectRemoved:Delete"})
    void aBackfillMessageOfAnotherBucketOrEventIsStillSkipped(String reason, String eventName) throws Exception {
        getMockEndpoint("mock:direct:transform").expectedMessageCount(0);
        String body = S3EventWriter.notification(new S3ObjectRecord(eventName,
                reason.equals("other-bucket") ? "other-bucket" : "ep-analytics",
                "staging/dataflow_europages_20220420_13_2.parquet", 1, "e", ""), Instant.EPOCH);
        template.sendBodyAndHeader("direct:sqs", body, Headers.BACKFILL, "true");
        MockEndpoint.assertIsSatisfied(context);
        assertThat(skipped(reason)).isEqualTo(1);
    }
}
