package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.service.ServiceRuntime;
import com.europages.loadbce.service.ServiceBeans;
import com.europages.loadbce.warehouse.Warehouse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S3 unreachable for 20 s, then the warehouse unreachable for 20 s, each while files arrive: the failed messages
 * come back after the visibility timeout and every file ends in the warehouse exactly once.
 */
class OutageFaultTest {

    static final Duration OUTAGE = Duration.ofSeconds(20);

    static InProcessService service;
    static SwitchableTcpProxy s3Link;
    static SwitchableDataSource warehouseLink;

    @BeforeAll
    static void start() throws Exception {
        // the redrive bound must outlast an outage: visibility 5 s x 10 receives > 20 s
        service = InProcessService.start(Map.of("sqs.concurrent-consumers", "2", "sqs.visibility-timeout-s", "5",
                "local.sqs.max-receive-count", "10", "aws.api-call-timeout-s", "10",
                "aws.api-call-attempt-timeout-s", "3"), OutageFaultTest::throughSwitches);
    }

    /** The service reaches S3 through a switchable proxy and loads through a switchable DataSource. */
    static void throughSwitches(ServiceRuntime runtime) {
        try {
            URI s3 = URI.create(runtime.config().get("s3.endpoint"));
            s3Link = new SwitchableTcpProxy(s3.getHost(), s3.getPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        runtime.bind("s3Client", AwsClients.s3(runtime.config().with(Map.of("s3.endpoint",
                "http://127.0.0.1:" + s3Link.port()))));
        Warehouse w = runtime.warehouse();
        warehouseLink = new SwitchableDataSource(w.dataSource());
        // the load route's jdbc endpoints and its transaction manager, all over the switch
        ServiceBeans.bindWarehouse(runtime.config(), InProcessService.CLOCK, w.dialect(), w.sql(), warehouseLink,
                runtime::bind);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (s3Link != null) {
            s3Link.close();
        }
    }

    @Test
    void filesArrivingDuringS3AndWarehouseOutagesAreLoadedOnceAfterwards() throws Exception {
        long started = System.nanoTime();
        List<Path> files = service.generateDay(1, 12_000);
        uploadAndAwait(files.subList(0, 8), 8);

        s3Link.setUp(false);
        files.subList(8, 16).forEach(service::upload);
        Thread.sleep(OUTAGE.toMillis()); // the outage itself, not an assertion
        assertThat(service.auditRows()).as("nothing loads while S3 is down").isEqualTo(8);
        s3Link.setUp(true);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.auditRows() == 16);

        warehouseLink.setUp(false);
        files.subList(16, 24).forEach(service::upload);
        Thread.sleep(OUTAGE.toMillis());
        assertThat(service.auditRows()).as("nothing loads while the warehouse is down").isEqualTo(16);
        warehouseLink.setUp(true);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.auditRows() == 24 && service.inputQueueIdle());

        FaultFigure figure = service.truth().compare("outages", files, (System.nanoTime() - started) / 1e9).print();
        assertThat(figure.duplicates()).isZero();
        assertThat(figure.losses()).isZero();
        assertThat(service.sqs.getQueueAttributes(b -> b.queueUrl(service.queueUrl("sqs.error-queue-name"))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages")).as("transient errors are not rejected").isEqualTo("0");
    }

    static void uploadAndAwait(List<Path> files, long expectedAudit) {
        files.forEach(service::upload);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.auditRows() == expectedAudit);
    }
}
