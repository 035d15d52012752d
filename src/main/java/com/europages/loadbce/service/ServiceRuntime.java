package com.europages.loadbce.service;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.config.SettingsValidator;
import com.europages.loadbce.local.LocalServices;
import com.europages.loadbce.transform.TransformSettings;
import com.europages.loadbce.warehouse.Warehouse;
import java.sql.SQLException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.europages.loadbce.observe.QueueReadinessCheck;
import com.europages.loadbce.observe.WarehouseReadinessCheck;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: the embedded servers of the local profile, if any, and Camel Main running the YAML routes. */
public final class ServiceRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

    private final AppConfig config;
    private final LocalServices local;
    private final Warehouse warehouse;
    private final ServiceMain main;
    private final MeterRegistry meters;
    private final List<AutoCloseable> readinessChecks;

    private ServiceRuntime(AppConfig config, LocalServices local, Warehouse warehouse, ServiceMain main, MeterRegistry meters,
                           List<AutoCloseable> readinessChecks) {
        this.config = config;
        this.local = local;
        this.warehouse = warehouse;
        this.main = main;
        this.meters = meters;
        this.readinessChecks = readinessChecks;
    }

    /**
     * Starts the local servers when the profile is local, opens the warehouse (creating the local tables), and
     * prepares (does not start) Camel.
     */
    public static ServiceRuntime create(AppConfig config, Clock clock) {
        SettingsValidator.check(config);
        // first: a warehouse file another process holds ends the start before any server is up
        Warehouse warehouse;
        try {
            warehouse = Warehouse.open(config, TransformSettings.from(config).contract());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the warehouse: " + e.getMessage(), e);
        }
        LocalServices local = null;
        try {
            local = config.isLocal() ? LocalServices.start(config) : null;
            AppConfig wired = Warehouse.withLocalFilesDir(local == null ? config : local.wire(config));
            Path routes = wired.getPath("app.routes-dir");
            if (!Files.isDirectory(routes)) {
                throw new IllegalStateException("Routes folder not found: " + routes + " (app.routes-dir)");
            }
            ServiceMain main = new ServiceMain();
            // the configuration comes from AppConfig only; never from a classpath application.properties
            main.setDefaultPropertyPlaceholderLocation("false");
            main.setOverrideProperties(PipelineMetrics.withRoutePlaceholders(wired.asProperties()));
            configureRoutes(main.configure(), routes);
            // camel-micrometer-prometheus serves the registry bound as metricsRegistry on /observe/metrics,
            // so the routes' micrometer: counters and the beans' meters all land there
            MeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ServiceBeans.bind(wired, clock, meters, warehouse, main::bind);
            main.bind("failedMessageCounter", new FailedMessageCounter(meters, wired.get("sqs.queue-name")));
            // HealthCheck beans in the registry join Camel's health checks (readiness only, see the classes)
            Duration checkTimeout = wired.getSeconds("health.timeout-s");
            SqsClient checkClient = AwsClients.sqs(wired, checkTimeout);
            WarehouseReadinessCheck warehouseCheck = new WarehouseReadinessCheck(warehouse.dataSource(), checkTimeout);
            main.bind("queueReadiness", new QueueReadinessCheck(checkClient, wired.get("sqs.queue-name")));
            main.bind("warehouseReadiness", warehouseCheck);
            LOG.info("Profile '{}', routes from {}", wired.profile(), routes.toAbsolutePath());
            return new ServiceRuntime(wired, local, warehouse, main, meters, List.of(checkClient, warehouseCheck));
        } catch (RuntimeException | Error e) {
            closeAll(warehouse, local);
            throw e;
        }
    }

    /** The routes Camel Main loads: every *.camel.yaml of the routes folder (also for tests booting Camel Main). */
    public static void configureRoutes(MainConfigurationProperties main, Path routes) {
        main.withRoutesIncludePattern("file:" + routes.toAbsolutePath() + "/*.camel.yaml");
        // used only when camel.main.routes-reload-enabled=true: edits of route files apply while running
        main.withRoutesReloadDirectory(routes.toAbsolutePath().toString()).withRoutesReloadPattern("*.camel.yaml");
    }

    /** ElasticMQ's threads are not daemons: a local server left running would keep the JVM alive. */
    private static void closeAll(Warehouse warehouse, LocalServices local) {
        try {
            if (warehouse != null) {
                warehouse.close();
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /** Binds a bean before start, replacing one of the same name (tests bind probes and fault injectors). */
    public void bind(String name, Object bean) {
        main.replace(name, bean);
    }

    /** Camel Main whose registry can replace a bean: its own bind keeps one bean per name and class. */
    private static final class ServiceMain extends Main {
        void replace(String name, Object bean) {
            registry.unbind(name);
            registry.bind(name, bean);
        }
    }

    /** Starts Camel and returns; {@link #close()} stops everything. */
    public void start() throws Exception {
        main.start();
    }

    /**
     * Runs until SIGTERM or SIGINT (Ctrl-C), then stops gracefully: the consumers stop taking messages, the files in
     * flight finish (within camel.main.shutdown-timeout) and the routes stop. {@link #close()} then closes the
     * warehouse and the embedded servers; the caller returns its exit code (0).
     */
    public void runUntilShutdown() throws Exception {
        StopSignals.onStop(main::completed);
        main.run();
        LOG.info("Routes stopped");
    }

    /**
     * From now on SIGTERM and SIGINT only set the returned flag, for a run that ends on its own (drain): it stops
     * waiting and calls {@link #stopRoutes()}, which lets the files in flight finish, as {@link #runUntilShutdown()} does.
     */
    public BooleanSupplier stopOnSignal() {
        AtomicBoolean stop = new AtomicBoolean();
        StopSignals.onStop(() -> stop.set(true));
        return stop::get;
    }

    /** Stops taking messages and lets the files in flight finish (within camel.main.shutdown-timeout). */
    public void stopRoutes() throws Exception {
        main.stop();
        LOG.info("Routes stopped");
    }

    /** The port the management server (health, metrics) listens on, once started; -1 when it is disabled. */
    public int managementPort() {
        return camelContext().hasServices(VertxPlatformHttpServer.class).stream()
                .mapToInt(VertxPlatformHttpServer::getPort).findFirst().orElse(-1);
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public AppConfig config() {
        return config;
    }

    public MeterRegistry meters() {
        return meters;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /** Null unless the profile is local. */
    public LocalServices local() {
        return local;
    }

    /** Stops Camel if still running, then the readiness checks' clients, the warehouse and the embedded servers. */
    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
        } finally {
            for (AutoCloseable c : readinessChecks) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("Readiness check resource did not close: {}", e.getMessage());
                }
            }
            closeAll(warehouse, local);
        }
    }
}
