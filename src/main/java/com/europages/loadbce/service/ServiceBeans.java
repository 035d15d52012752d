package com.europages.loadbce.service;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.intake.LoadWindow;
import com.europages.loadbce.intake.RecordClassifier;
import com.europages.loadbce.intake.S3EventParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/** Creates the beans the YAML routes refer to by name (#sqsClient, #s3Client, s3EventParser, ...), the same for the service and tests. */
public final class ServiceBeans {

    private ServiceBeans() {
    }

    /** Binds every bean with {@code bind.accept(name, bean)}. */
    public static void bind(AppConfig config, Clock clock, MeterRegistry meters, BiConsumer<String, Object> bind) {
        ZoneId zone = ZoneId.of(config.get("app.time-zone"));
        bind.accept("clock", clock);
        bind.accept("metricsRegistry", meters);
        bind.accept("sqsClient", AwsClients.sqs(config));
        bind.accept("s3Client", AwsClients.s3(config));
        bind.accept("s3EventParser", new S3EventParser(config.getInt("sqs.max-body-bytes")));
        bind.accept("recordClassifier", new RecordClassifier(
                config.get("intake.bucket"),
                config.get("intake.staging-prefix"),
                new FileNameRule(config.get("intake.file-name-regex"), config.get("intake.file-date-format")),
                new LoadWindow(clock, zone, config.getInt("intake.extra-days-back"))));
        bind.accept("errorQueueHeaders", errorQueueHeaders());
    }

    /** Only the Error* headers become SQS message attributes of an error-queue message (SQS allows 10). */
    static DefaultHeaderFilterStrategy errorQueueHeaders() {
        DefaultHeaderFilterStrategy s = new DefaultHeaderFilterStrategy();
        s.setOutFilterPattern("^(?!Error).*");
        return s;
    }
}
