package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.service.AwsClients;
import com.europages.loadbce.warehouse.DuckDbDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * `serve`, and `drain` (a scheduled run stopped by its scheduler), on the local profile in their own JVM, sent
 * SIGTERM while a file is in flight: the file finishes, the routes stop, the warehouse and the embedded servers
 * close, in that order, and the process exits 0. `demo` stopped the same way reports what it loaded and exits 1.
 */
class SigtermStopsCleanlyTest {

    static final long ROWS = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"serve", "drain --idle-s 600 --verbose"})
    void sigtermFinishesTheFileInFlightClosesEverythingAndExitsZero(String command) throws Exception {
        int sqsPort = ChildServiceProcess.freePort();
        int s3Port = ChildServiceProcess.freePort();
        Path data = dir.resolve("data");
        ChildServiceProcess child = ChildServiceProcess.local(data, sqsPort, s3Port,
                Map.of("INTAKE_EXTRA_DAYS_BACK", "1"));
        AppConfig config = EmbeddedServicesFixture.projectConfig(data, Map.of());
        LocalDate day = LocalDate.now(ZoneId.of(config.get("app.time-zone"))).minusDays(1);
        Path file = dir.resolve(DataFlowGenerator.fileName(day, 12, 1));
        new DataFlowGenerator(GeneratorOptions.defaults(5)).writeFile(file, day, 12, 1, ROWS);
        String key = config.get("intake.staging-prefix") + file.getFileName();

        ChildServiceProcess.Run run = child.start(command.split(" "));
        try (S3Client s3 = AwsClients.s3(config.with(Map.of("s3.endpoint", "http://127.0.0.1:" + s3Port,
                "s3.force-path-style", "true")))) {
            // the child's S3 answers once its servers are up
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> {
                        s3.putObject(b -> b.bucket(config.get("intake.bucket")).key(key), RequestBody.fromFile(file));
                        return true;
                    });
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> run.count("Accepted s3://") > 0 || !run.process().isAlive());
        boolean inFlight = run.count("Loaded s3://") == 0;
        run.process().destroy(); // SIGTERM
        int exit = run.awaitExit(60);

        List<String> log = Files.readAllLines(run.log(), StandardCharsets.UTF_8);
        assertThat(inFlight).as("SIGTERM came while the file was in flight").isTrue();
        assertThat(exit).as("exit code; log " + run.log()).isZero();
        assertThat(log).noneMatch(l -> l.contains("Exception") && l.contains("\tat "));
        List<String> steps = new java.util.ArrayList<>(List.of("SIGTERM received", "Loaded s3://", "Routes stopped"));
        if (command.startsWith("drain")) {
            steps.add("drain: 1 files loaded, 0 records skipped, 0 rejected to the error queue, 0 messages failed");
        }
        steps.addAll(List.of("Warehouse connection pool closed", "Local warehouse closed", "Embedded S3 stopped",
                "Embedded SQS stopped"));
        int previous = -1;
        for (String step : steps) {
            int at = indexOf(log, step);
            assertThat(at).as("log line '%s' after the previous step; log %s", step, run.log()).isGreaterThan(previous);
            previous = at;
        }
        try (DuckDbDataSource warehouse = new DuckDbDataSource(data.resolve("warehouse.duckdb"));
             Connection c = warehouse.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + config.get("warehouse.final-table")
                     + " WHERE source_key = '" + key + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the file in flight loaded whole").isEqualTo(ROWS);
        }
    }

    @Test
    void sigtermStopsTheDemoAfterItsFilesInFlightWithAReport() throws Exception {
        Path data = dir.resolve("data");
        ChildServiceProcess child = ChildServiceProcess.local(data, ChildServiceProcess.freePort(),
                ChildServiceProcess.freePort(), Map.of());
        ChildServiceProcess.Run run = child.start("demo", "--rows", "480000", "--files-per-hour", "1", "--verbose");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> run.count("Loaded s3://") > 0 || !run.process().isAlive());
        run.process().destroy(); // SIGTERM
        int exit = run.awaitExit(60);

        List<String> log = Files.readAllLines(run.log(), StandardCharsets.UTF_8);
        assertThat(exit).as("exit code (143 before: the JVM's own shutdown); log " + run.log()).isEqualTo(1);
        assertThat(log).noneMatch(l -> l.contains("Exception") && l.contains("\tat "));
        int previous = -1;
        for (String step : List.of("SIGTERM received", "Routes stopped", "Warehouse connection pool closed",
                "Local warehouse closed", "Embedded S3 stopped", "Embedded SQS stopped",
                "=== load-bce-to-s3 demo report ===", "result                       STOPPED by a signal")) {
            int at = indexOf(log, step);
            assertThat(at).as("log line '%s' after the previous step; log %s", step, run.log()).isGreaterThan(previous);
            previous = at;
        }
        String loaded = log.get(indexOf(log, "files loaded / skipped / failed"));
        assertThat(loaded).as("some files loaded, not all 24").doesNotContain(" 24 / ").contains("(of 24 uploaded)");
    }

    static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
