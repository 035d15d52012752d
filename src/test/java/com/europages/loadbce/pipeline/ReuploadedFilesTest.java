package com.europages.loadbce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import com.europages.loadbce.service.PipelineMetrics;
import com.europages.loadbce.warehouse.Warehouse;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A file uploaded again under the same key with new content replaces its rows (unlike loaders that skip a name they
 * have loaded), and an event older than the object now in S3 loads nothing (stale-event): the real pipeline on
 * ElasticMQ + S3Proxy + DuckDB.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReuploadedFilesTest {

    static final LocalDate DAY = LocalDate.of(2022, 5, 1);
    static final String NAME = DataFlowGenerator.fileName(DAY, 13, 1);

    @RegisterExtension
    static final EmbeddedServicesFixture local = EmbeddedServicesFixture.runningService(
            Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC), Map.of());

    static String firstETag;

    static Path write(long seed, long rows) throws Exception {
        Path file = local.dataDir().resolve("v" + seed).resolve(NAME);
        java.nio.file.Files.createDirectories(file.getParent());
        new DataFlowGenerator(GeneratorOptions.defaults(seed)).writeFile(file, DAY, 13, 1, rows);
        return file;
    }

    static String key() {
        return local.stagingPrefix() + NAME;
    }

    static String currentETag() {
        return local.s3().headObject(b -> b.bucket(local.bucket()).key(key())).eTag().replace("\"", "");
    }

    static Warehouse warehouse() {
        return local.runtime().warehouse();
    }

    /** The file's rows in the final table and the eTag of its audit row. */
    static Object[] loaded() throws SQLException {
        try (Connection c = warehouse().dataSource().getConnection();
             PreparedStatement rows = c.prepareStatement("SELECT COUNT(*) FROM " + warehouse().names().get("final_table")
                     + " WHERE source_key = ?");
             PreparedStatement audit = c.prepareStatement("SELECT source_etag FROM "
                     + warehouse().names().get("audit_table") + " WHERE source_key = ?")) {
            rows.setString(1, key());
            audit.setString(1, key());
            try (ResultSet r = rows.executeQuery(); ResultSet a = audit.executeQuery()) {
                r.next();
                return new Object[] {r.getLong(1), a.next() ? a.getString(1) : null};
            }
        }
    }

    static double filesLoaded() {
        Counter c = local.runtime().meters().find(PipelineMetrics.FILES_LOADED).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    @Order(1)
    void aFileUploadedAgainWithNewContentReplacesItsRowsAndItsAuditETag() throws Exception {
        local.stage(NAME, RequestBody.fromFile(write(1, 300)));
        await().atMost(Duration.ofMinutes(1)).until(() -> filesLoaded() == 1);
        firstETag = currentETag();
        assertThat(loaded()).containsExactly(300L, firstETag);

        local.stage(NAME, RequestBody.fromFile(write(2, 500)));
        await().atMost(Duration.ofMinutes(1)).until(() -> filesLoaded() == 2);

        assertThat(currentETag()).isNotEqualTo(firstETag);
        assertThat(loaded()).containsExactly(500L, currentETag());
    }

    @Test
    @Order(2)
    void anEventOfTheEarlierUploadArrivingLateLoadsNothing() throws Exception {
        String late = S3EventWriter.notification(new S3ObjectRecord("ObjectCreated:Put", local.bucket(), key(), 1,
                firstETag, "0"), Instant.now());
        local.sqs().sendMessage(b -> b.queueUrl(local.inputQueueUrl()).messageBody(late));

        await().atMost(Duration.ofMinutes(1)).until(() -> local.runtime().meters().find(PipelineMetrics.RECORDS_SKIPPED)
                .tag("reason", "stale-event").counter() != null);
        assertThat(local.runtime().meters().find(PipelineMetrics.RECORDS_SKIPPED).tag("reason", "stale-event")
                .counter().count()).isEqualTo(1);
        assertThat(filesLoaded()).isEqualTo(2);
        assertThat(loaded()).containsExactly(500L, currentETag());
    }
}
