package com.europages.loadbce.faults;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.service.ServiceRuntime;
import com.europages.loadbce.warehouse.LocalBceTable;
import com.europages.loadbce.warehouse.WarehouseDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole service in the test JVM on the embedded servers, with a hook to replace beans before Camel starts
 * (fault injectors wrap the S3 client or the warehouse); "today" is the day after {@link #DAY}.
 */
final class InProcessService implements AutoCloseable {

    static final LocalDate DAY = LocalDate.of(2022, 5, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);

    final Path dataDir;
    final ServiceRuntime runtime;
    final S3Client s3;
    final SqsClient sqs;

    private InProcessService(Path dataDir, ServiceRuntime runtime) {
        this.dataDir = dataDir;
        this.runtime = runtime;
        this.s3 = AwsClients.s3(runtime.config());
        this.sqs = AwsClients.sqs(runtime.config());
    }

    /** Creates the service, lets {@code beforeStart} rebind beans, loads the company table and starts Camel. */
    static InProcessService start(Map<String, String> overrides, Consumer<ServiceRuntime> beforeStart) throws Exception {
        Path dir = Files.createTempDirectory("load-bce-faults-");
        ServiceRuntime runtime = ServiceRuntime.create(EmbeddedServicesFixture.projectConfig(dir, overrides), CLOCK);
        InProcessService service = new InProcessService(dir, runtime);
        try {
            if (runtime.warehouse().dialect() == WarehouseDialect.DUCKDB) {
                // a Redshift stand-in's tables are the test's to fill
                LocalBceTable.replaceFrom(runtime.warehouse(), BceCompanyTable.write(dir, 7));
            }
            beforeStart.accept(runtime);
            runtime.start();
            return service;
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    /** The generated day (seed 7): the truth the warehouse is compared with. */
    List<Path> generateDay(int filesPerHour, long rows) throws IOException {
        return new DataFlowGenerator(GeneratorOptions.defaults(7)).generateDay(DAY, dataDir.resolve("generated"),
                filesPerHour, rows);
    }

    String bucket() {
        return runtime.config().get("intake.bucket");
    }

    String stagingKey(Path file) {
        return runtime.config().get("intake.staging-prefix") + file.getFileName();
    }

    /** Uploads to the staging prefix: the embedded S3 announces it on the input queue. */
    void upload(Path file) {
        s3.putObject(b -> b.bucket(bucket()).key(stagingKey(file)), RequestBody.fromFile(file));
    }

    String queueUrl(String settingKey) {
        return sqs.getQueueUrl(b -> b.queueName(runtime.config().get(settingKey))).queueUrl();
    }

    /** Nothing waiting and nothing in flight on the input queue. */
    boolean inputQueueIdle() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl("sqs.queue-name"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    long auditRows() throws SQLException {
        return truth().query("SELECT COUNT(*) FROM " + runtime.warehouse().names().get("audit_table"));
    }

    double loadedCount() {
        return runtime.meters().find("loadbce.files.loaded").counter() == null ? 0
                : runtime.meters().find("loadbce.files.loaded").counter().count();
    }

    WarehouseTruth truth() {
        var names = runtime.warehouse().names();
        return new WarehouseTruth(runtime.warehouse().dataSource(), names.get("final_table"), names.get("audit_table"));
    }

    @Override
    public void close() {
        try {
            s3.close();
            sqs.close();
            runtime.close();
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
