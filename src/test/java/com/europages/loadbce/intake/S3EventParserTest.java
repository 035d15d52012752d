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
import org.junit.jupiter.params.provider.ValueSource;

class S3EventParserTest {

    private final S3EventParser parser = new S3EventParser(262_144);

    @Test
    void directPutNotificationGivesItsRecord() throws Exception {
        List<S3ObjectRecord> records = parser.parse(TestFiles.sample("direct-put.json"));
        assertThat(records).containsExactly(new S3ObjectRecord("ObjectCreated:Put", "ep-analytics",
                "staging/dataflow_europages_20220501_13_2.parquet", 1834211, "9b2cf535f27731c974343645a3985328",
                "00627F4A1D6B3C2A11"));
    }

    @Test
    void base64BodyDecodesToTheSameRecordAsThePlainOne() throws Exception {
        assertThat(parser.parse(TestFiles.sample("direct-put.base64.txt")))
                .isEqualTo(parser.parse(TestFiles.sample("direct-put.json")));
    }

    @Test
    void snsEnvelopeIsUnwrapped() throws Exception {
        List<S3ObjectRecord> records = parser.parse(TestFiles.sample("sns-envelope.json"));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.eventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
            assertThat(r.key()).isEqualTo("staging/dataflow_europages_20220501_14_1.parquet");
            assertThat(r.size()).isEqualTo(73400320L);
        });
    }

    @Test
    void eventBridgeObjectCreatedMapsToAnObjectCreatedRecord() throws Exception {
        List<S3ObjectRecord> records = parser.parse(TestFiles.sample("eventbridge.json"));
        assertThat(records).containsExactly(new S3ObjectRecord("ObjectCreated:Put", "ep-analytics",
                "staging/dataflow_europages_20220501_15_3.parquet", 2011873, "0f343b0931126a20f133d67c2b018a3b",
                "00627F4A1F77AC01D2"));
    }

    @Test
    void eventBridgeObjectDeletedIsNotACreatedRecord() throws Exception {
        String body = "{\"detail-type\":\"Object Deleted\",\"source\":\"aws.s3\",\"detail\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"staging/x.parquet\"},\"reason\":\"DeleteObject\"}}";
        assertThat(parser.parse(body)).singleElement().satisfies(r -> assertThat(r.isCreated()).isFalse());
    }

    @Test
    void testEventGivesNoRecord() throws Exception {
        assertThat(parser.parse(TestFiles.sample("test-event.json"))).isEmpty();
    }

    @Test
    void severalRecordsAreAllReturnedInOrder() throws Exception {
        String body = S3EventWriter.notification("ObjectCreated:Put", List.of(
                new S3ObjectRecord("ObjectCreated:Put", "b", "staging/a.parquet", 1, "e1", "s1"),
                new S3ObjectRecord("ObjectCreated:Put", "b", "staging/b.parquet", 2, "e2", "s2"),
                new S3ObjectRecord("ObjectCreated:Put", "b", "staging/c.parquet", 3, "e3", "s3")), Instant.EPOCH);
        assertThat(parser.parse(body)).extracting(S3ObjectRecord::key)
                .containsExactly("staging/a.parquet", "staging/b.parquet", "staging/c.parquet");
    }

    @Test
    void keysAreUrlDecodedAsUtf8FormEncoding() throws Exception {
        String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"staging/dt%3D2022-05-01/my+file%2B1+%C3%A9t%C3%A9.parquet\"}}}]}";
        assertThat(parser.parse(body)).singleElement()
                .extracting(S3ObjectRecord::key).isEqualTo("staging/dt=2022-05-01/my file+1 été.parquet");
    }

    @Test
    void writerAndParserRoundTripAwkwardKeys() throws Exception {
        S3ObjectRecord original = new S3ObjectRecord("ObjectCreated:Copy", "b",
                "staging/a b+c=d;e'f\"g/ü ñ%20.parquet", 7, "etag", "seq");
        assertThat(parser.parse(S3EventWriter.notification(original, Instant.EPOCH))).containsExactly(original);
    }

    @Test
    void jsonThatLooksLikeBase64IsStillReadAsJson() throws Exception {
        // a JSON string literal is valid JSON but not an object: rejected as JSON, never Base64-decoded
        assertThatThrownBy(() -> parser.parse("\"eyJSZWNvcmRzIjpbXX0=\""))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not an object");
    }

    @Test
    void base64OfSomethingThatIsNotJsonIsInvalid() {
        String body = Base64.getEncoder().encodeToString("hello world".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("neither JSON nor Base64-encoded JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "not json at all", "{\"Records\": [", "{\"Records\": {}}", "{\"foo\": 1}", "[1,2,3]",
        "{\"Type\":\"Notification\",\"Message\":\"not json\"}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"a%ZZ\"}}}]}",
        "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{}}}"
    })
    void malformedBodiesAreInvalidWithAReason(String body) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void bodiesOverTheSizeLimitAreInvalid() {
        S3EventParser small = new S3EventParser(100);
        assertThatThrownBy(() -> small.parse(TestFiles.sample("direct-put.json")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("exceeds the limit");
    }
}
