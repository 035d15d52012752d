package com.europages.loadbce.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.TestFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;

/** Route "decode": every envelope it chooses, the Base64 branch, and the reason of each body it can never decode. */
class DecodeRouteTest {

    static S3Object object(S3EventNotificationRecord r) {
        return r.getS3().getObject();
    }

    @Test
    void plainNotificationGivesItsRecordInTheSdkModel() throws Exception {
        List<S3EventNotificationRecord> records = DecodeRoute.records(TestFiles.sample("direct-put.json"));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
            assertThat(r.getS3().getBucket().getName()).isEqualTo("ep-analytics");
            assertThat(object(r).getKey()).isEqualTo("staging/dataflow_europages_20220501_13_2.parquet");
            assertThat(object(r).getSizeAsLong()).isEqualTo(1834211L);
            assertThat(object(r).getETag()).isEqualTo("9b2cf535f27731c974343645a3985328");
            assertThat(object(r).getSequencer()).isEqualTo("00627F4A1D6B3C2A11");
        });
    }

    @Test
    void base64BodyDecodesToTheSameRecordAsThePlainOne() throws Exception {
        assertThat(DecodeRoute.records(TestFiles.sample("direct-put.base64.txt")))
                .isEqualTo(DecodeRoute.records(TestFiles.sample("direct-put.json")));
    }

    @Test
    void snsEnvelopeIsOpened() throws Exception {
        assertThat(DecodeRoute.records(TestFiles.sample("sns-envelope.json"))).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
            assertThat(object(r).getKey()).isEqualTo("staging/dataflow_europages_20220501_14_1.parquet");
            assertThat(object(r).getSizeAsLong()).isEqualTo(73400320L);
        });
    }

    @Test
    void eventBridgeObjectCreatedMapsToAnObjectCreatedRecord() throws Exception {
        assertThat(DecodeRoute.records(TestFiles.sample("eventbridge.json"))).singleElement().satisfies(r -> {
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
            assertThat(r.getS3().getBucket().getName()).isEqualTo("ep-analytics");
            assertThat(object(r).getKey()).isEqualTo("staging/dataflow_europages_20220501_15_3.parquet");
            assertThat(object(r).getSizeAsLong()).isEqualTo(2011873L);
            assertThat(object(r).getETag()).isEqualTo("0f343b0931126a20f133d67c2b018a3b");
            assertThat(object(r).getSequencer()).isEqualTo("00627F4A1F77AC01D2");
        });
    }

    @Test
    void eventBridgeObjectDeletedIsNotACreatedRecord() throws Exception {
        String body = "{\"detail-type\":\"Object Deleted\",\"source\":\"aws.s3\",\"detail\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"staging/x.parquet\"},\"reason\":\"DeleteObject\"}}";
        assertThat(DecodeRoute.records(body)).singleElement()
                .satisfies(r -> assertThat(r.getEventName()).isEqualTo("ObjectRemoved:DeleteObject"));
    }

    @Test
    void testEventGivesNoRecord() throws Exception {
        assertThat(DecodeRoute.records(TestFiles.sample("test-event.json"))).isEmpty();
    }

    @Test
    void severalRecordsAreAllReturnedInOrder() throws Exception {
        String body = S3EventWriter.notification("ObjectCreated:Put", List.of(
                new S3ObjectRecord("ObjectCreated:Put", "b", "staging/a.parquet", 1, "e1", "s1"),
                new S3ObjectRecord("ObjectCreated:Put", "b", "staging/b.parquet", 2, "e2", "s2"),
                new S3ObjectRecord("ObjectCreated:Put", "b", "staging/c.parquet", 3, "e3", "s3")), Instant.EPOCH);
        assertThat(DecodeRoute.records(body)).extracting(r -> object(r).getKey())
                .containsExactly("staging/a.parquet", "staging/b.parquet", "staging/c.parquet");
    }

    @Test
    void keysAreUrlDecodedAsUtf8FormEncoding() throws Exception {
        String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"staging/dt%3D2022-05-01/my+file%2B1+%C3%A9t%C3%A9.parquet\"}}}]}";
        assertThat(DecodeRoute.records(body)).singleElement()
                .satisfies(r -> assertThat(object(r).getKey()).isEqualTo("staging/dt=2022-05-01/my file+1 été.parquet"));
    }

    @Test
    void writerAndRouteRoundTripAwkwardKeys() throws Exception {
        S3ObjectRecord original = new S3ObjectRecord("ObjectCreated:Copy", "b",
                "staging/a b+c=d;e'f\"g/ü ñ%20.parquet", 7, "etag", "seq");
        assertThat(DecodeRoute.records(S3EventWriter.notification(original, Instant.EPOCH))).singleElement()
                .satisfies(r -> {
                    assertThat(object(r).getKey()).isEqualTo(original.key());
                    assertThat(object(r).getSizeAsLong()).isEqualTo(7L);
                    assertThat(r.getEventName()).isEqualTo("ObjectCreated:Copy");
                });
    }

    @Test
    void missingSizeAndETagReadAsBeforeTheSdkModel() throws Exception {
        String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2022-05-02T03:12:45.118\","
                + "\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"staging/x.parquet\"}}}]}";
        assertThat(DecodeRoute.records(body)).singleElement().satisfies(r -> {
            assertThat(object(r).getSizeAsLong()).isEqualTo(-1L);
            assertThat(object(r).getETag()).isEmpty();
        });
    }

    @Test
    void jsonThatLooksLikeBase64IsStillReadAsJson() {
        // a JSON string literal is valid JSON but not an object: rejected as JSON, never Base64-decoded
        assertThatThrownBy(() -> DecodeRoute.records("\"eyJSZWNvcmRzIjpbXX0=\""))
                .isInstanceOf(InvalidEventException.class).hasMessage("JSON body is not an object but STRING");
    }

    @Test
    void base64OfSomethingThatIsNotJsonIsInvalid() {
        String body = Base64.getEncoder().encodeToString("hello world".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DecodeRoute.records(body)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("body is neither JSON nor Base64-encoded JSON: ");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                 | empty message body",
        "`   `                              | empty message body",
        "not json at all                    | body is neither JSON nor Base64-encoded JSON: ",
        "{\"Records\": [                    | body is neither JSON nor Base64: Unexpected end-of-input",
        "{\"Records\": {}}                  | S3 notification does not fit the S3 event model: ",
        "{\"foo\": 1, \"bar\": 2}           | unknown event shape, top-level fields [foo, bar]",
        "[1,2,3]                            | JSON body is not an object but ARRAY",
        "{\"Type\":\"Notification\",\"Message\":\"not json\"} | SNS Message is not JSON: ",
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}]} | missing or empty field Records[0].eventName",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]} | missing or empty field Records[0].s3.object.key",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"object\":{\"key\":\"k\"}}}]} | missing or empty field Records[0].s3.bucket.name",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"a%ZZ\"}}}]} | object key is not validly URL-encoded: a%ZZ",
        "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{}}} | missing or empty field detail.bucket.name"
    })
    void malformedBodiesAreInvalidWithTheirReason(String body, String reason) {
        assertThatThrownBy(() -> DecodeRoute.records(body == null ? "" : body)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith(reason.strip());
    }

    @Test
    void bodiesOverTheSizeLimitAreInvalid() {
        String body = " ".repeat(262_144) + TestFiles.sample("direct-put.json");
        assertThatThrownBy(() -> DecodeRoute.records(body)).isInstanceOf(InvalidEventException.class)
                .hasMessage("message body of " + body.length() + " characters exceeds the limit of 262144 "
                        + "(sqs.max-body-bytes)");
    }
}
