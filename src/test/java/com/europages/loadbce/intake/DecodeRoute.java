package com.europages.loadbce.intake;

import com.europages.loadbce.config.AppConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;

/** The real route "decode" (routes/decode.camel.yaml) alone, for tests that check what the service reads from a body. */
public final class DecodeRoute {

    private static CamelContext context;
    private static ProducerTemplate template;

    private DecodeRoute() {
    }

    /** The records the service would split a message body into; the reason when it would reject the message. */
    @SuppressWarnings("unchecked")
    public static synchronized List<S3EventNotificationRecord> records(String body) throws InvalidEventException {
        try {
            return template().requestBody("direct:decode", body, List.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw e;
        }
    }

    private static ProducerTemplate template() {
        if (template == null) {
            AppConfig config = AppConfig.load(Path.of("."), Map.of(), new Properties());
            CamelContext camel = new DefaultCamelContext();
            camel.getPropertiesComponent().setOverrideProperties(config.asProperties());
            camel.getRegistry().bind("s3EventRecords", new S3EventRecords());
            try {
                var file = PluginHelper.getResourceLoader(camel)
                        .resolveResource("file:" + config.getPath("app.routes-dir").resolve("decode.camel.yaml"));
                PluginHelper.getRoutesLoader(camel).loadRoutes(file);
            } catch (Exception e) {
                throw new IllegalStateException("routes/decode.camel.yaml does not load", e);
            }
            camel.start();
            context = camel;
            template = camel.createProducerTemplate();
        }
        return template;
    }
}
