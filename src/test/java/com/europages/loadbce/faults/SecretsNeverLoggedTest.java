package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/**
 * A whole run (start, a loaded file, a rejected message, stop) with secrets configured: none of
 * their values appears in what the service logs (every logger, every level that is enabled).
 */
class SecretsNeverLoggedTest {

    static final String S3_SECRET = "Sx9-local-secret-7c1e2b";
    static final String WAREHOUSE_PASSWORD = "Pw9-warehouse-4d8f0a";

    @Test
    void noConfiguredSecretAppearsInTheLogsOfARun() throws Exception {
        StringWriter log = new StringWriter();
        Appender probe = WriterAppender.newBuilder().setName("secrets-probe").setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%m %ex%n").build()).build();
        probe.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().addAppender(probe);
        ctx.getConfiguration().getRootLogger().addAppender(probe, Level.ALL, null);
        ctx.updateLoggers();
        try (InProcessService service = InProcessService.start(Map.of("local.secret-key", S3_SECRET,
                "warehouse.password", WAREHOUSE_PASSWORD, "sqs.visibility-timeout-s", "3"), r -> {
                })) {
            List<Path> files = service.generateDay(1, 2_400);
            service.upload(files.get(0));
            service.sqs.sendMessage(b -> b.queueUrl(service.queueUrl("sqs.queue-name")).messageBody("not an event"));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                    .until(() -> service.auditRows() == 1 && service.inputQueueIdle());
        } finally {
            ctx.getConfiguration().getRootLogger().removeAppender("secrets-probe");
            ctx.updateLoggers();
            probe.stop();
        }
        String all = log.toString();
        assertThat(all).contains("Loaded s3://").contains("Rejected SQS message");
        assertThat(all).doesNotContain(S3_SECRET).doesNotContain(WAREHOUSE_PASSWORD);
    }
}
