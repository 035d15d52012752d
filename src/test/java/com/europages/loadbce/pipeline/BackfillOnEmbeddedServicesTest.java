package com.europages.loadbce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.Application;
import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.service.PipelineMetrics;
import com.europages.loadbce.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Files of an older day, skipped when they arrived (outside the window), are loaded by `backfill` of that day on
 * the embedded services; other days and other objects are left alone, and a rerun changes nothing but load times.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackfillOnEmbeddedServicesTest {

    static final LocalDate OLD_DAY = LocalDate.of(2022, 4, 28);

    @RegisterExtension
    static final EmbeddedServicesFixture local = EmbeddedServicesFixture.runningService(
            Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC), Map.of());

    @BeforeAll
    static void uploadFilesOfOlderDaysThatTheIntakeSkips() throws Exception {
        DataFlowGenerator generator = new DataFlowGenerator(GeneratorOptions.defaults(5));
        upload(generator, "dataflow_europages_20220428_03_0.parquet", OLD_DAY, 3, 120);
        upload(generator, "dataflow_europages_20220428_04_0.parquet", OLD_DAY, 4, 80);
        upload(generator, "dataflow_europages_20220427_04_0.parquet", OLD_DAY.minusDays(1), 4, 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics().skipped() == 3);
    }

    static void upload(DataFlowGenerator generator, String name, LocalDate day, int hour, long rows) throws Exception {
        Path file = local.dataDir().resolve(name);
        generator.writeFile(file, day, hour, 0, rows);
        local.stage(name, RequestBody.fromFile(file));
    }

    static PipelineMetrics metrics() {
        return new PipelineMetrics(local.runtime().meters());
    }

    static Warehouse warehouse() {
        return local.runtime().warehouse();
    }

    static long query(String sql) throws SQLException {
        try (Connection c = warehouse().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String backfill(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "backfill";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new Application(local::config).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        // in the test report: the example of docs/operations.md (Backfill) comes from here
        System.out.print(printed);
        return printed;
    }

    @Test
    @Order(1)
    void dryRunListsTheDaysFilesAndQueuesNothing() throws Exception {
        String printed = backfill("--from", "2022-04-28", "--to", "2022-04-28", "--dry-run");
        assertThat(printed).contains("would queue s3://ep-analytics/staging/dataflow_europages_20220428_03_0.parquet",
                "would queue s3://ep-analytics/staging/dataflow_europages_20220428_04_0.parquet", "2 file(s)")
                .doesNotContain("20220427");
        assertThat(local.drainInputQueue()).isEmpty();
    }

    @Test
    @Order(2)
    void backfillLoadsTheFilesOfThatDayOnly() throws Exception {
        String printed = backfill("--from", "2022-04-28", "--to", "2022-04-28");
        assertThat(printed).contains("2 file(s) queued to ep-analytics-dataflow");
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics().count(PipelineMetrics.FILES_LOADED) == 2);
        assertThat(query("SELECT COUNT(*) FROM " + warehouse().names().get("final_table")
                + " WHERE file_date = DATE '2022-04-28'")).isEqualTo(200);
        assertThat(query("SELECT COUNT(*) FROM " + warehouse().names().get("audit_table"))).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aRerunChangesNothingButLoadTimes() throws Exception {
        String finalRows = "SELECT * EXCLUDE (loaded_at) FROM " + warehouse().names().get("final_table");
        String auditRows = "SELECT * EXCLUDE (loaded_at, transform_ms, load_ms) FROM "
                + warehouse().names().get("audit_table");
        try (Connection c = warehouse().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE backfill_final_before AS " + finalRows);
            s.execute("CREATE TABLE backfill_audit_before AS " + auditRows);
        }
        backfill("--from", "2022-04-28", "--to", "2022-04-28");
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics().count(PipelineMetrics.FILES_LOADED) == 4);
        assertThat(query("SELECT COUNT(*) FROM (" + finalRows + " EXCEPT ALL SELECT * FROM backfill_final_before)")).isZero();
        assertThat(query("SELECT COUNT(*) FROM (SELECT * FROM backfill_final_before EXCEPT ALL " + finalRows + ")")).isZero();
        assertThat(query("SELECT COUNT(*) FROM (" + auditRows + " EXCEPT ALL SELECT * FROM backfill_audit_before)")).isZero();
        assertThat(query("SELECT COUNT(*) FROM (SELECT * FROM backfill_audit_before EXCEPT ALL " + auditRows + ")")).isZero();
    }

    @Test
    @Order(4)
    void aRangeEndingTodayOrBackwardsIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Application app = new Application(local::config);
        PrintStream sink = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(app.run(new String[] {"backfill", "--from", "2022-04-28", "--to", "2022-04-27"}, sink, sink))
                .isEqualTo(2);
        // "today" where the files are dated (app.time-zone), not in the machine's zone
        LocalDate today = LocalDate.now(java.time.ZoneId.of(local.config().get("app.time-zone")));
        assertThat(app.run(new String[] {"backfill", "--from", today.minusDays(2).toString(), "--to", today.toString()},
                sink, sink)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is after --to", "is not a past day");
    }
}
