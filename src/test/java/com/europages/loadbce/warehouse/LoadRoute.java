package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.observe.FileOutcomeLog;
import com.europages.loadbce.observe.LoadMetrics;
import com.europages.loadbce.service.PipelineMetrics;
import com.europages.loadbce.service.ServiceBeans;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * The real routes "load" and "load-transaction" with their real beans over a given DataSource, for tests that check
 * what its JDBC endpoints do to a warehouse. Without the refresh step on engines that cannot run it (PostgreSQL).
 */
final class LoadRoute implements AutoCloseable {

    static final String[] ROUTE_FILES = {"load.camel.yaml", "load-transaction.camel.yaml"};

    final CamelContext camel;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private LoadRoute(CamelContext camel) {
        this.camel = camel;
    }

    /** @param withRefresh false where refresh-&lt;dialect&gt;.sql cannot run: the step is taken out of the route */
    static LoadRoute start(AppConfig config, WarehouseDialect dialect, SqlTemplates sql, DataSource dataSource,
                           Clock clock, boolean withRefresh) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            camel.getPropertiesComponent().setOverrideProperties(
                    PipelineMetrics.withRoutePlaceholders(config.asProperties()));
            LoadRoute route = new LoadRoute(camel);
            ServiceBeans.bindWarehouse(config, clock, dialect, sql, dataSource, camel.getRegistry()::bind);
            camel.getRegistry().bind("metricsRegistry", route.meters);
            camel.getRegistry().bind("loadMetrics", new LoadMetrics(route.meters));
            camel.getRegistry().bind("fileOutcomes", new FileOutcomeLog());
            for (String name : ROUTE_FILES) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel)
                        .resolveResource("file:" + config.getPath("app.routes-dir").resolve(name)));
            }
            if (!withRefresh) {
                AdviceWith.adviceWith(camel, "load", a -> a.weaveById("refresh-external-table").remove());
            }
            camel.start();
            return route;
        } catch (Exception | Error e) {
            camel.stop();
            throw e;
        }
    }

    /** A transform report of {@code rows} rows, as the transform route leaves it for the load. */
    static TransformReport report(String key, long rows) {
        return new TransformReport(key, Path.of("unused.parquet"), rows, rows, 1, 1, List.of(), List.of(), Map.of(), 20);
    }

    /** Sends one file to direct:load; returns the finished exchange (its exception, if the load failed). */
    Exchange load(String key, String eTag, LocalDate day, long rows) {
        return camel.createProducerTemplate().send("direct:load", e -> {
            e.getMessage().setHeader(Headers.BUCKET, "ep-analytics");
            e.getMessage().setHeader(Headers.KEY, key);
            e.getMessage().setHeader(Headers.ETAG, eTag);
            e.getMessage().setHeader(Headers.DATE, day.toString());
            e.getMessage().setHeader(ParquetTransformProcessor.REPORT_HEADER, report(key, rows));
        });
    }

    /** Like {@link #load} for a load expected to succeed: its result, or the exception it failed with. */
    LoadResult loaded(String key, String eTag, LocalDate day, long rows) throws Exception {
        Exchange done = load(key, eTag, day, rows);
        if (done.getException() != null) {
            throw done.getException();
        }
        return done.getMessage().getHeader(LoadFigures.RESULT_HEADER, LoadResult.class);
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            throw new IllegalStateException("the load route's context did not close", e);
        }
    }
}
