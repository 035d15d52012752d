package com.europages.loadbce.faults;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.local.LocalServices;
import com.europages.loadbce.sample.BceCompanyTable;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.LocalBceTable;
import com.europages.loadbce.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The embedded SQS and S3 in the test JVM and a prepared DuckDB warehouse file, for a service run in child JVMs;
 * the day is the real yesterday (the child's clock is the system's), with one more day of window for midnight.
 */
final class ChildJvmSetup implements AutoCloseable {

    final Path dir;
    final LocalServices services;
    final AppConfig config;
    final Path warehouseFile;
    final S3Client s3;
    final ChildServiceProcess child;
    final LocalDate day;

    ChildJvmSetup(int visibilitySeconds, int maxReceiveCount) throws IOException, SQLException {
        dir = Files.createTempDirectory("load-bce-child-");
        Map<String, String> settings = Map.of("sqs.visibility-timeout-s", Integer.toString(visibilitySeconds),
                "local.sqs.max-receive-count", Integer.toString(maxReceiveCount));
        services = LocalServices.start(EmbeddedServicesFixture.projectConfig(dir, settings));
        config = services.wire(EmbeddedServicesFixture.projectConfig(dir, settings));
        warehouseFile = dir.resolve("warehouse.duckdb");
        day = LocalDate.now(ZoneId.of(config.get("app.time-zone"))).minusDays(1);
        try (Warehouse w = openWarehouse()) {
            LocalBceTable.replaceFrom(w, BceCompanyTable.write(dir, 7));
        }
        s3 = AwsClients.s3(config);
        child = new ChildServiceProcess(config, warehouseFile, dir.resolve("child"),
                Map.of("INTAKE_EXTRA_DAYS_BACK", "1", "SQS_CONCURRENT_CONSUMERS", "2"));
    }

    /** The warehouse file as the child uses it; only while no child runs (DuckDB has one writer process). */
    Warehouse openWarehouse() throws SQLException {
        AppConfig c = config.with(Map.of("warehouse.url", "jdbc:duckdb:" + warehouseFile));
        return Warehouse.open(c, TransformSettings.from(c).contract());
    }

    List<Path> generateDay(int filesPerHour, long rows) throws IOException {
        return new DataFlowGenerator(GeneratorOptions.defaults(7)).generateDay(day, dir.resolve("generated"),
                filesPerHour, rows);
    }

    void upload(Path file) {
        s3.putObject(b -> b.bucket(config.get("intake.bucket")).key(config.get("intake.staging-prefix") + file.getFileName()),
                RequestBody.fromFile(file));
    }

    /** Compares the warehouse file with the files once no child runs. */
    FaultFigure compare(String scenario, List<Path> files, double seconds) throws SQLException {
        try (Warehouse w = openWarehouse()) {
            return new WarehouseTruth(w.dataSource(), w.names().get("final_table"), w.names().get("audit_table"))
                    .compare(scenario, files, seconds);
        }
    }

    @Override
    public void close() {
        try {
            s3.close();
            services.close();
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
