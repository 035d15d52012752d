package com.europages.loadbce.routes;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.intake.OfflineSqsClient;
import com.europages.loadbce.service.PipelineMetrics;
import com.europages.loadbce.service.ServiceBeans;
import com.europages.loadbce.warehouse.ConnectionSource;
import com.europages.loadbce.warehouse.SqlTemplates;
import com.europages.loadbce.warehouse.WarehouseDialect;
import com.europages.loadbce.warehouse.WarehouseNames;
import com.europages.loadbce.transform.ColumnContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;

/**
 * Route tests of the routes after the record filter: the real route files and beans, the AWS and JDBC endpoints
 * mocked (camel-test-junit5) and skipped, so each route's branches are checked without servers.
 */
abstract class RoutesTestSupport extends CamelTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-02T06:00:00Z"), ZoneOffset.UTC);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Static: CamelTestSupport configures the context from its constructor, before instance fields are set. */
    static final AppConfig config = AppConfig.load(Path.of("."), Map.of(), new Properties());

    /** The route files under test, in routes/. */
    abstract String[] routeFiles();

    /** Endpoints replaced by mocks and skipped: the AWS and JDBC ones. */
    String mockedEndpoints() {
        return "(aws2-sqs|aws2-s3|jdbc|spring-jdbc):.*";
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        camel.withUseOverridePropertiesWithPropertiesComponent(PipelineMetrics.withRoutePlaceholders(config.asProperties()));
        camel.withMockEndpointsAndSkip(mockedEndpoints());
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        // the registry keeps one bean per name and type: replace the real SQS client instead of adding beside it
        ServiceBeans.bind(config, CLOCK, meters, null, (name, bean) -> registry.bind(name,
                name.equals("sqsClient") ? OfflineSqsClient.create() : name.equals("s3Client") ? offlineS3() : bean));
        WarehouseNames names = WarehouseNames.from(config, ColumnContract.load(config.getPath("transform.contract")));
        // the jdbc endpoints are mocked: their DataSource is never asked for a connection
        ServiceBeans.bindWarehouse(config, CLOCK, WarehouseDialect.REDSHIFT,
                new SqlTemplates(config.getPath("warehouse.sql-dir"), names.placeholders()), new ConnectionSource() {
                    @Override
                    public Connection getConnection() throws SQLException {
                        throw new SQLException("the route test mocks every jdbc endpoint");
                    }
                }, registry::bind);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        var loader = PluginHelper.getRoutesLoader(context);
        var resources = PluginHelper.getResourceLoader(context);
        String[] names = routeFiles();
        Resource[] files = new Resource[names.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = resources.resolveResource("file:" + config.getPath("app.routes-dir").resolve(names[i]));
        }
        return loader.findRoutesBuilders(files).toArray(RoutesBuilder[]::new);
    }

    /** An S3 client that only answers the bucket check aws2-s3 producers make when they start. */
    static S3Client offlineS3() {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "headBucket" -> HeadBucketResponse.builder().build();
                    case "serviceName" -> "s3";
                    case "close" -> null;
                    case "toString" -> "OfflineS3Client";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(
                            "route tests mock every S3 endpoint; unexpected call " + method.getName());
                });
    }

    double counter(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
