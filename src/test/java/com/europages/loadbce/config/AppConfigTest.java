package com.europages.loadbce.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
    }

    @Test
    void profileFileOverridesTheBaseFile() throws Exception {
        write("application.properties", "app.profile=local\nsqs.queue-name=base\nsqs.wait-time-s=10\n");
        write("application-local.properties", "sqs.queue-name=local-queue\n");
        AppConfig c = AppConfig.load(dir, Map.of(), new Properties());
        assertThat(c.get("sqs.queue-name")).isEqualTo("local-queue");
        assertThat(c.getInt("sqs.wait-time-s")).isEqualTo(10);
    }

    @Test
    void environmentVariablesOverrideEveryKeyIncludingTheProfile() throws Exception {
        write("application.properties", "app.profile=local\nsqs.queue-name=base\n");
        write("application-production.properties", "sqs.queue-name=prod\nsqs.concurrent-consumers=2\n");
        AppConfig c = AppConfig.load(dir, Map.of("APP_PROFILE", "production", "SQS_CONCURRENT_CONSUMERS", "4"),
                new Properties());
        assertThat(c.profile()).isEqualTo("production");
        assertThat(c.get("sqs.queue-name")).isEqualTo("prod");
        assertThat(c.getInt("sqs.concurrent-consumers")).isEqualTo(4);
    }

    @Test
    void systemPropertiesWinOverEnvironment() throws Exception {
        write("application.properties", "sqs.queue-name=base\n");
        Properties system = new Properties();
        system.setProperty("sqs.queue-name", "from-system");
        AppConfig c = AppConfig.load(dir, Map.of("SQS_QUEUE_NAME", "from-env"), system);
        assertThat(c.get("sqs.queue-name")).isEqualTo("from-system");
    }

    @Test
    void relativePathsAreTakenFromTheConfigFolder() throws Exception {
        write("application.properties", "app.routes-dir=routes\n");
        assertThat(AppConfig.load(dir, Map.of(), new Properties()).getPath("app.routes-dir"))
                .isEqualTo(dir.toAbsolutePath().resolve("routes"));
    }

    @Test
    void missingFileAndMissingKeyGiveClearErrors() throws Exception {
        assertThatThrownBy(() -> AppConfig.load(dir, Map.of(), new Properties()))
                .hasMessageContaining("application.properties").hasMessageContaining("APP_CONFIG_DIR");
        write("application.properties", "a=1\n");
        assertThatThrownBy(() -> AppConfig.load(dir, Map.of(), new Properties()).get("sqs.queue-name"))
                .hasMessageContaining("SQS_QUEUE_NAME");
    }

    @Test
    void theShippedFilesHaveEveryKeyTheLocalProfileNeeds() {
        AppConfig c = AppConfig.load(Path.of("."), Map.of(), new Properties());
        assertThat(c.profile()).isEqualTo("local");
        assertThat(c.get("local.access-key")).isNotEmpty();
        assertThat(c.asMap().keySet()).allSatisfy(k -> assertThat(AppConfig.envName(k)).matches("[A-Z0-9_]+"));
    }
}
