package com.europages.loadbce.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Route "transform": S3 get, ParquetTransformer, S3 put, load hand-off; each permanent error to reject-file. */
class TransformRouteTest extends RoutesTestSupport {

    static final String NAME = DataFlowGenerator.fileName(LocalDate.of(2022, 5, 1), 13, 2);
    static final String KEY = "staging/" + NAME;

    @TempDir
    Path dir;

    @Override
    String[] routeFiles() {
        return new String[] {"transform.camel.yaml"};
    }

    /** The routes it hands off to as well. */
    @Override
    String mockedEndpoints() {
        return "(" + super.mockedEndpoints() + ")|direct:(load|reject-file|skip-record)";
    }

    MockEndpoint s3() {
        return getMockEndpoint("mock:aws2-s3:ep-analytics");
    }

    Exchange sendFile() {
        return template.send("direct:transform", e -> {
            e.getMessage().setHeader(Headers.BUCKET, "ep-analytics");
            e.getMessage().setHeader(Headers.KEY, KEY);
            e.getMessage().setHeader(Headers.FILE_NAME, NAME);
            e.getMessage().setHeader(Headers.ETAG, "etag");
            e.getMessage().setHeader(Headers.SIZE, 10L);
            e.getMessage().setHeader(Headers.DATE, "2022-05-01");
        });
    }

    @Test
    void aDataFlowFileIsTransformedUploadedUnderItsDayAndHandedToTheLoad() throws Exception {
        Path source = dir.resolve(NAME);
        new DataFlowGenerator(GeneratorOptions.defaults(3)).writeFile(source, LocalDate.of(2022, 5, 1), 13, 2, 120);
        s3().whenExchangeReceived(1, e -> e.getMessage().setBody(Files.newInputStream(source)));
        s3().expectedMessageCount(2);
        getMockEndpoint("mock:direct:load").expectedMessageCount(1);
        getMockEndpoint("mock:direct:reject-file").expectedMessageCount(0);

        Exchange done = sendFile();

        assertThat(done.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(s3().getExchanges().get(0).getMessage().getHeader("CamelAwsS3Key")).isEqualTo(KEY);
        assertThat(s3().getExchanges().get(0).getMessage().getHeader("CamelAwsS3IfMatchCondition"))
                .as("only the version the event announced").isEqualTo("etag");
        Exchange put = s3().getExchanges().get(1);
        assertThat(put.getMessage().getHeader("CamelAwsS3Key")).isEqualTo("transformed/dt=2022-05-01/" + NAME);
        TransformReport report = getMockEndpoint("mock:direct:load").getExchanges().get(0).getMessage()
                .getHeader(ParquetTransformProcessor.REPORT_HEADER, TransformReport.class);
        assertThat(report.rowsOut()).isEqualTo(120);
        assertThat(put.getMessage().getBody(File.class)).as("temp files deleted on every path").doesNotExist();
    }

    @Test
    void aMissingObjectIsRejectedAndAcknowledged() throws Exception {
        s3().whenExchangeReceived(1, e -> {
            throw NoSuchKeyException.builder().message("The specified key does not exist.").build();
        });
        getMockEndpoint("mock:direct:reject-file").expectedMessageCount(1);
        getMockEndpoint("mock:direct:load").expectedMessageCount(0);

        assertThat(sendFile().getException()).as("handled").isNull();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void anObjectThatIsNotParquetIsRejectedAndAcknowledged() throws Exception {
        s3().whenExchangeReceived(1, e -> e.getMessage().setBody(new ByteArrayInputStream("a,b\n1,2\n".getBytes())));
        getMockEndpoint("mock:direct:reject-file").expectedMessageCount(1);
        getMockEndpoint("mock:direct:load").expectedMessageCount(0);

        assertThat(sendFile().getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(getMockEndpoint("mock:direct:reject-file").getExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)).hasMessageContaining("Not a readable Parquet");
    }

    @Test
    void aFailingLoadPropagatesSoTheMessageComesBack() throws Exception {
        Path source = dir.resolve(NAME);
        new DataFlowGenerator(GeneratorOptions.defaults(3)).writeFile(source, LocalDate.of(2022, 5, 1), 13, 2, 10);
        s3().whenExchangeReceived(1, e -> e.getMessage().setBody(Files.newInputStream(source)));
        getMockEndpoint("mock:direct:load").whenAnyExchangeReceived(e -> {
            throw new IllegalStateException("warehouse down");
        });
        getMockEndpoint("mock:direct:reject-file").expectedMessageCount(0);

        assertThat(sendFile().getException()).hasMessage("warehouse down");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void anEventOlderThanTheObjectNowInS3IsSkippedAsStale() throws Exception {
        // S3's answer to GetObject with If-Match when the object was uploaded again since the event
        s3().whenExchangeReceived(1, e -> {
            throw S3Exception.builder().statusCode(412).message("At least one of the pre-conditions you specified did not hold").build();
        });
        MockEndpoint skip = getMockEndpoint("mock:direct:skip-record");
        skip.expectedMessageCount(1);
        skip.expectedHeaderReceived(Headers.SKIP_REASON, "stale-event");
        getMockEndpoint("mock:direct:load").expectedMessageCount(0);
        getMockEndpoint("mock:direct:reject-file").expectedMessageCount(0);

        assertThat(sendFile().getException()).as("acknowledged").isNull();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(skip.getExchanges().get(0).getMessage().getHeader(Headers.SKIP_DETAIL, String.class))
                .contains("eTag etag");
    }

    @Test
    void anotherS3ErrorPropagatesSoTheMessageComesBack() throws Exception {
        s3().whenExchangeReceived(1, e -> {
            throw S3Exception.builder().statusCode(503).message("Slow Down").build();
        });
        getMockEndpoint("mock:direct:skip-record").expectedMessageCount(0);
        getMockEndpoint("mock:direct:reject-file").expectedMessageCount(0);

        assertThat(sendFile().getException()).hasMessageContaining("Slow Down");
        MockEndpoint.assertIsSatisfied(context);
    }
}
