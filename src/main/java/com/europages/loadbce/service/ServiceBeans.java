package com.europages.loadbce.service;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.ShortDuration;
import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.intake.LoadWindow;
import com.europages.loadbce.intake.S3EventRecords;
import com.europages.loadbce.observe.CompletenessGauge;
import com.europages.loadbce.observe.FileOutcomeLog;
import com.europages.loadbce.observe.InFlightMessages;
import com.europages.loadbce.observe.LoadMetrics;
import com.europages.loadbce.transform.DownloadToTempFile;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.RejectedFileBody;
import com.europages.loadbce.transform.TempFiles;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.ExternalTableRefresh;
import com.europages.loadbce.warehouse.LoadFigures;
import com.europages.loadbce.warehouse.OneAtATime;
import com.europages.loadbce.warehouse.SqlTemplates;
import com.europages.loadbce.warehouse.Warehouse;
import com.europages.loadbce.warehouse.WarehouseDialect;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.apache.camel.Processor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Creates the beans the YAML routes refer to by name (#sqsClient, #s3Client, s3EventRecords, ...), the same for the service and tests. */
public final class ServiceBeans {

    /** A refresh takes milliseconds; a consumer waiting longer for its turn gives its message back to the queue. */
    private static final Duration REFRESH_MAX_WAIT = Duration.ofMinutes(5);

    /** Two deliveries of one file wait for each other's load; one stuck longer gives its message back to the queue. */
    private static final Duration LOAD_TURN_MAX_WAIT = Duration.ofMinutes(10);

    private ServiceBeans() {
    }

    /**
     * Binds every bean with {@code bind.accept(name, bean)}.
     *
     * @param warehouse null in route tests that stop before the load
     */
    public static void bind(AppConfig config, Clock clock, MeterRegistry meters, Warehouse warehouse,
                            BiConsumer<String, Object> bind) {
        ZoneId zone = ZoneId.of(config.get("app.time-zone"));
        bind.accept("clock", clock);
        bind.accept("metricsRegistry", meters);
        var sqs = AwsClients.sqs(config);
        bind.accept("sqsClient", sqs);
        bind.accept("redeliveryBackoff", new RedeliveryBackoff(sqs, config.get("sqs.queue-name"),
                config.getLong("sqs.visibility-timeout-s"), Long.parseLong(config.get("sqs.retry-backoff-max-s", "0"))));
        bind.accept("s3Client", AwsClients.s3(config));
        // route "decode" compares with {{sqs.max-body-bytes}}: a value that is no number is refused here, at start
        config.getInt("sqs.max-body-bytes");
        bind.accept("s3EventRecords", new S3EventRecords());
        FileNameRule fileNameRule = new FileNameRule(config.get("intake.file-name-regex"),
                config.get("intake.file-date-format"));
        bind.accept("fileNameRule", fileNameRule);
        bind.accept("completenessGauge", new CompletenessGauge(meters, clock, zone,
                ShortDuration.parse(config.get("intake.completeness-grace")),
                config.getInt("intake.expected-files-per-hour"), fileNameRule));
        bind.accept("loadWindow", new LoadWindow(clock, zone, config.getInt("intake.extra-days-back")));
        bind.accept("errorQueueHeaders", errorQueueHeaders());
        // ages are compared with SQS's wall-clock SentTimestamp, not with the clock that decides "yesterday"
        bind.accept("inFlightMessages", new InFlightMessages(meters, Clock.systemUTC()));
        bind.accept("loadMetrics", new LoadMetrics(meters));
        bind.accept("fileOutcomes", new FileOutcomeLog());
        bind.accept("rejectedFileBody", new RejectedFileBody());

        TransformSettings transform = TransformSettings.from(config);
        String tempSetting = config.get("transform.temp-dir", "");
        Path tempDir = tempSetting.isEmpty() ? null : config.getPath("transform.temp-dir");
        bind.accept("downloadToTempFile", new DownloadToTempFile(tempDir));
        bind.accept("parquetTransform", new ParquetTransformProcessor(transform.transformer(), tempDir,
                Long.parseLong(config.get("transform.max-rows", "50000000"))));
        bind.accept("deleteTempFiles", (Processor) TempFiles::deleteAll);
        bind.accept("loaderThreads", new LoaderThreads(
                config.getInt("sqs.concurrent-consumers") * config.getInt("sqs.loaders-per-consumer"),
                LOAD_TURN_MAX_WAIT, meters));

        if (warehouse != null) {
            bindWarehouse(config, clock, warehouse.dialect(), warehouse.sql(), warehouse.dataSource(), bind);
        }
    }

    /**
     * The load route's beans over one DataSource, bound as {@code warehouse}: its jdbc endpoints and its transaction
     * manager must share that very instance (tests pass a DataSource that fails on demand).
     */
    public static void bindWarehouse(AppConfig config, Clock clock, WarehouseDialect dialect, SqlTemplates sql,
                                     DataSource dataSource, BiConsumer<String, Object> bind) {
        bind.accept("warehouse", dataSource);
        bind.accept("warehouseSql", sql);
        String location = dialect == WarehouseDialect.DUCKDB ? Warehouse.localFilesDir(config).toString()
                : config.get("warehouse.external-location");
        bind.accept("externalTableRefresh", new ExternalTableRefresh(dialect, sql, location,
                config.get("intake.staging-prefix")));
        bind.accept("oneRefreshAtATime", new OneAtATime(REFRESH_MAX_WAIT));
        bind.accept("oneLoadPerFile", OneAtATime.perHeader(Headers.KEY, LOAD_TURN_MAX_WAIT));
        // the transacted block of the load route; its spring-jdbc endpoints take this transaction's connection
        bind.accept("loadTransaction", new SpringTransactionPolicy(new DataSourceTransactionManager(dataSource)));
        bind.accept("loadFigures", new LoadFigures(clock));
    }

    /** Only the Error* headers become SQS message attributes of an error-queue message (SQS allows 10). */
    static DefaultHeaderFilterStrategy errorQueueHeaders() {
        DefaultHeaderFilterStrategy s = new DefaultHeaderFilterStrategy();
        s.setOutFilterPattern("^(?!Error).*");
        return s;
    }
}
