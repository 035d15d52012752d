package com.europages.loadbce.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.config.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml and the LocalStack init script: the service's settings exist and name what LocalStack creates. */
class DockerComposeTest {

    /** Variables that are not configuration keys but are read by the JVM, the AWS SDK or the service's launcher. */
    private static final Set<String> ALLOWED = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
            "APP_PROFILE", "APP_CONFIG_DIR", "JAVA_TOOL_OPTIONS");
    private static final String INIT_SCRIPT_MOUNT = "/etc/localstack/init/ready.d/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode services;
    private static Map<String, String> serviceEnv;
    private static AppConfig serviceConfig;

    @BeforeAll
    static void read() throws IOException {
        services = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile()).get("services");
        serviceEnv = environment(services.get("service"));
        // what the service would run with in the container: the project's files plus the compose environment
        serviceConfig = AppConfig.load(Path.of("."), serviceEnv, new Properties());
    }

    @Test
    void runsLocalstackAndTheServiceBuiltFromTheDockerfileInTheProductionProfile() {
        assertThat(services.has("localstack")).isTrue();
        assertThat(services.get("localstack").get("image").asText()).startsWith("localstack/localstack:");
        assertThat(services.get("service").get("build").asText()).isEqualTo(".");
        assertThat(serviceEnv).containsEntry("APP_PROFILE", "production");
        assertThat(serviceConfig.profile()).isEqualTo("production");
    }

    @Test
    void everyVariableSetOnTheServiceIsAConfigurationKeyOrAKnownRuntimeVariable() throws IOException {
        Set<String> keyVariables = new TreeSet<>();
        for (String file : List.of("application.properties", "application-production.properties")) {
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> keyVariables.add(AppConfig.envName(k)));
        }

        assertThat(serviceEnv).isNotEmpty();
        assertThat(serviceEnv.keySet()).allSatisfy(variable -> assertThat(keyVariables.contains(variable)
                || ALLOWED.contains(variable)).as("%s is neither a configuration key nor allowed", variable).isTrue());
    }

    @Test
    void stopGivesTheFileInFlightLongerThanCamelsShutdownTimeoutBeforeSigkill() {
        String grace = services.get("service").path("stop_grace_period").asText();
        assertThat(grace).as("stop_grace_period").matches("\\d+s");
        assertThat(Long.parseLong(grace.replace("s", "")))
                .isGreaterThan(serviceConfig.getLong("camel.main.shutdown-timeout"));
    }

    @Test
    void serviceTalksToLocalstackForSqsAndS3AndReadsDuckDbNotRedshift() {
        String localstack = "http://localstack:4566";

        assertThat(serviceConfig.get("sqs.endpoint")).isEqualTo(localstack);
        assertThat(serviceConfig.get("s3.endpoint")).isEqualTo(localstack);
        assertThat(serviceConfig.getBoolean("s3.force-path-style")).isTrue();
        assertThat(serviceConfig.get("warehouse.dialect")).isEqualTo("duckdb");
        // the only secret-looking value in the file is LocalStack's dummy key; no warehouse password
        assertThat(serviceEnv.keySet()).filteredOn(AppConfig::isSecret).containsExactly("AWS_SECRET_ACCESS_KEY");
        assertThat(serviceEnv).containsEntry("AWS_SECRET_ACCESS_KEY", "test");
    }

    @Test
    void theWarehouseReadsTheServicesOwnCopiesOnItsVolumeWithNoSyncContainer() {
        assertThat(services.has("transformed-sync")).isFalse();
        assertThat(serviceEnv).doesNotContainKey("WAREHOUSE_EXTERNAL_LOCATION");
        // the default folder of the copies, <app.data-dir>/transformed; the container's configuration folder is /app
        assertThat(serviceConfig.get("warehouse.duckdb-files-dir")).isEmpty();
        assertThat(volumeMountedAt(services.get("service"), "/app/" + serviceConfig.get("app.data-dir")))
                .isEqualTo("warehouse");
    }

    @Test
    void initScriptIsMountedIntoLocalstackReadyHooksAndExecutable() {
        Path script = initScript();

        assertThat(script).exists();
        assertThat(Files.isExecutable(script)).as("LocalStack runs the hook as a program").isTrue();
    }

    @Test
    void initScriptCreatesTheBucketAndEveryQueueTheServiceNamesWithRedriveAndNotification(@TempDir Path tmp)
            throws Exception {
        List<List<String>> calls = runInitScript(tmp);
        String queue = serviceConfig.get("sqs.queue-name");
        String dlq = queue + "-dlq";
        String region = serviceConfig.get("aws.region");

        List<String> bucket = call(calls, "s3api", "create-bucket");
        assertThat(option(bucket, "--bucket")).isEqualTo(serviceConfig.get("intake.bucket"));
        assertThat(option(bucket, "--create-bucket-configuration")).isEqualTo("LocationConstraint=" + region);

        Map<String, List<String>> created = new LinkedHashMap<>();
        calls.stream().filter(c -> c.get(1).equals("create-queue")).forEach(c -> created.put(option(c, "--queue-name"), c));
        assertThat(created.keySet()).containsExactlyInAnyOrder(queue, dlq, serviceConfig.get("sqs.error-queue-name"));

        JsonNode attributes = JSON.readTree(option(created.get(queue), "--attributes"));
        JsonNode redrive = JSON.readTree(attributes.get("RedrivePolicy").asText());
        assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo(StubAwsLocal.arn(region, dlq));
        assertThat(redrive.get("maxReceiveCount").asInt()).isPositive();

        JsonNode notification = JSON.readTree(option(call(calls, "s3api", "put-bucket-notification-configuration"),
                "--notification-configuration")).get("QueueConfigurations");
        assertThat(notification).hasSize(1);
        assertThat(notification.get(0).get("QueueArn").asText()).isEqualTo(StubAwsLocal.arn(region, queue));
        assertThat(notification.get(0).get("Events").get(0).asText()).isEqualTo("s3:ObjectCreated:*");
        JsonNode rule = notification.get(0).get("Filter").get("Key").get("FilterRules").get(0);
        assertThat(rule.get("Name").asText()).isEqualTo("prefix");
        assertThat(rule.get("Value").asText()).isEqualTo(serviceConfig.get("intake.staging-prefix"));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Runs the init script as LocalStack would, with a stand-in awslocal that records its calls. */
    private static List<List<String>> runInitScript(Path tmp) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = Files.createDirectories(tmp.resolve("calls"));
        Path stub = bin.resolve("awslocal");
        Files.writeString(stub, StubAwsLocal.SCRIPT, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder("bash", initScript().toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("STUB_LOG", log.toString());
        pb.environment().putAll(environment(services.get("localstack")));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        List<List<String>> calls = new ArrayList<>();
        try (var files = Files.list(log)) {
            for (Path f : files.sorted().toList()) {
                String recorded = Files.readString(f, StandardCharsets.UTF_8);
                calls.add(Arrays.asList(recorded.substring(0, recorded.length() - 1).split("\0", -1)));
            }
        }
        return calls;
    }

    private static Path initScript() {
        for (JsonNode volume : services.get("localstack").get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[1].startsWith(INIT_SCRIPT_MOUNT)) {
                return Path.of(parts[0]);
            }
        }
        throw new AssertionError("no script mounted under " + INIT_SCRIPT_MOUNT);
    }

    private static List<String> call(List<List<String>> calls, String service, String operation) {
        List<List<String>> matching = calls.stream()
                .filter(c -> c.get(0).equals(service) && c.get(1).equals(operation)).toList();
        assertThat(matching).as("awslocal %s %s", service, operation).hasSize(1);
        return matching.get(0);
    }

    private static String option(List<String> call, String name) {
        int i = call.indexOf(name);
        assertThat(i).as("%s in %s", name, call).isNotNegative();
        return call.get(i + 1);
    }

    /** The named volume mounted at the path (a trailing slash ignored), or null. */
    private static String volumeMountedAt(JsonNode service, String path) {
        for (JsonNode volume : service.get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[1].replaceAll("/$", "").equals(path.replaceAll("/$", ""))) {
                return parts[0];
            }
        }
        return null;
    }

    /** A service's environment, in either of the two forms compose accepts (map, or list of NAME=value). */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode env = service.get("environment");
        if (env == null) {
            return out;
        }
        if (env.isArray()) {
            env.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            env.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
