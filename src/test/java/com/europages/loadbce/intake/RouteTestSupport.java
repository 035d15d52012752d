package com.europages.loadbce.intake;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.service.PipelineMetrics;
import com.europages.loadbce.service.ServiceBeans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Loads the intake routes from the real routes/ folder with the real application.properties, replaces the SQS
 * consumer by direct:sqs and mocks what follows the filter (transform hand-off, error queue).
 */
abstract class RouteTestSupport extends CamelTestSupport {

    /** 08:00 in Paris on 2022-05-02: the samples' files (2022-05-01) are the previous day. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);
    static final String[] ROUTE_FILES = {"intake.camel.yaml", "decode.camel.yaml", "record-filter.camel.yaml", "skip-record.camel.yaml",
        "reject.camel.yaml"};

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Settings changed for this test class. */
    Map<String, String> overrides() {
        return Map.of();
    }

    AppConfig config() {
        return AppConfig.load(Path.of("."), Map.of(), new Properties()).with(overrides());
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        camel.withUseOverridePropertiesWithPropertiesComponent(PipelineMetrics.withRoutePlaceholders(config().asProperties()));
        camel.replaceRouteFromWith("intake", "direct:sqs");
        camel.withMockEndpointsAndSkip("(direct:transform|aws2-sqs:.*)");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        // the registry keeps one bean per name and type: replace the real SQS client instead of adding beside it
        ServiceBeans.bind(config(), CLOCK, meters, null, (name, bean) ->
                registry.bind(name, name.equals("sqsClient") ? OfflineSqsClient.create() : bean));
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        var loader = PluginHelper.getRoutesLoader(context);
        var resources = PluginHelper.getResourceLoader(context);
        Resource[] files = new Resource[ROUTE_FILES.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = resources.resolveResource("file:" + config().getPath("app.routes-dir").resolve(ROUTE_FILES[i]));
        }
        return loader.findRoutesBuilders(files).toArray(RoutesBuilder[]::new);
    }

    double skipped(String reason) {
        Counter c = meters.find("loadbce.records.skipped").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    double counter(String name) {
        Counter c = meters.find(name).counter();
        return c == null ? 0 : c.count();
    }
}
