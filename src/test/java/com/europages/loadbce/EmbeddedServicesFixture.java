package com.europages.loadbce;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.local.LocalServices;
import com.europages.loadbce.service.ServiceRuntime;
import java.time.Clock;
import com.europages.loadbce.service.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The embedded services started once per test class on a temp data dir: {@code @RegisterExtension static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();} */
public final class EmbeddedServicesFixture implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides;
    private final Clock serviceClock;
    private ServiceRuntime runtime;
    private Path dataDir;
    private LocalServices services;
    private AppConfig config;
    private S3Client s3;
    private SqsClient sqs;

    public EmbeddedServicesFixture() {
        this(Map.of());
    }

    /** With settings replaced before the services start (e.g. {@code local.s3.notify-base64=true}). */
    public EmbeddedServicesFixture(Map<String, String> overrides) {
        this(overrides, null);
    }

    private EmbeddedServicesFixture(Map<String, String> overrides, Clock serviceClock) {
        this.overrides = Map.copyOf(overrides);
        this.serviceClock = serviceClock;
    }

    /** The whole service (routes, warehouse) running on the embedded servers, "today" given by the clock. */
    public static EmbeddedServicesFixture runningService(Clock clock, Map<String, String> overrides) {
        return new EmbeddedServicesFixture(overrides, clock);
    }

    /**
     * The project's configuration files with the local profile and the management server on a free port; the environment and system properties of the build
     * are ignored so a developer's shell cannot change what the tests see.
     */
    public static AppConfig projectConfig(Path dataDir, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("app.data-dir", dataDir.toString());
        // any free port: a service running beside the tests, or two test JVMs, must not collide on 9876
        settings.putIfAbsent("camel.management.port", "0");
        return AppConfig.load(Path.of("").toAbsolutePath(), Map.of("APP_PROFILE", "local"), new Properties())
                .with(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("load-bce-local-");
        if (serviceClock != null) {
            runtime = ServiceRuntime.create(projectConfig(dataDir, overrides), serviceClock);
            try {
                runtime.start();
            } catch (Exception e) {
                runtime.close();
                throw new IllegalStateException("service did not start", e);
            }
            services = runtime.local();
            config = runtime.config();
        } else {
            services = LocalServices.start(projectConfig(dataDir, overrides));
            config = services.wire(projectConfig(dataDir, overrides));
        }
        s3 = AwsClients.s3(config);
        sqs = AwsClients.sqs(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            closeClients();
        } finally {
            try {
                if (runtime != null) {
                    runtime.close();
                } else if (services != null) {
                    services.close();
                }
            } finally {
                deleteRecursively(dataDir);
            }
        }
    }

    private void closeClients() {
        try {
            if (s3 != null) {
                s3.close();
            }
        } finally {
            if (sqs != null) {
                sqs.close();
            }
        }
    }

    /** The configuration wired to the embedded servers, as the service runs with it. */
    public AppConfig config() {
        return config;
    }

    /** The running service; null unless made with {@link #runningService}. */
    public ServiceRuntime runtime() {
        return runtime;
    }

    public Path dataDir() {
        return dataDir;
    }

    public LocalServices services() {
        return services;
    }

    /** An S3 client with the local keys, path-style, on the embedded S3. */
    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String bucket() {
        return config.get("intake.bucket");
    }

    public String stagingPrefix() {
        return config.get("intake.staging-prefix");
    }

    /** Uploads an object under the staging prefix: the local S3 announces it to the input queue. */
    public void stage(String fileName, RequestBody body) {
        s3.putObject(b -> b.bucket(bucket()).key(stagingPrefix() + fileName), body);
    }

    public String queueUrl(String queueName) {
        return sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    }

    public String inputQueueUrl() {
        return queueUrl(config.get("sqs.queue-name"));
    }

    /** Receives and deletes every message of the input queue, stopping at the first empty receive (1 s long poll). */
    public List<String> drainInputQueue() {
        String url = inputQueueUrl();
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (batch.isEmpty()) {
                return bodies;
            }
            for (Message m : batch) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test data dir " + dir, e);
        }
    }
}
