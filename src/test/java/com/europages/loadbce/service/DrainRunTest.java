package com.europages.loadbce.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** drain processes what is queued, stops once the queue stays empty, and fails when a file was rejected. */
class DrainRunTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = EmbeddedServicesFixture.runningService(
            Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC), Map.of());

    @Test
    void drainsThenReportsTheLoadedAndTheRejectedFiles() throws Exception {
        Path good = local.dataDir().resolve("dataflow_europages_20220501_05_1.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(1)).writeFile(good, LocalDate.of(2022, 5, 1), 5, 1, 200);
        local.stage(good.getFileName().toString(), RequestBody.fromFile(good));
        local.stage("dataflow_europages_20220501_06_1.parquet", RequestBody.fromString("not a parquet file"));
        local.stage("notes.txt", RequestBody.fromString("skipped"));

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        DrainRun.Report report = DrainRun.run(local.runtime(), Duration.ofSeconds(3), Duration.ofMillis(200),
                new ProgressBar(new PrintStream(progress, true, StandardCharsets.UTF_8), false, 0), () -> false);

        assertThat(report.filesLoaded()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.recordsSkipped()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[2/?] files done  200 rows");
    }
}
