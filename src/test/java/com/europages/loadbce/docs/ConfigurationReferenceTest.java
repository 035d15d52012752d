package com.europages.loadbce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.config.AppConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the settings of the properties files, each with its environment variable. */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everySettingOfThePropertiesFilesIsDocumentedWithItsEnvironmentVariable() throws IOException {
        Set<String> documented = documentedKeys();
        String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String key : settings()) {
            if (!documented.contains(key)) {
                missing.add(key + " has no row");
            } else if (!reference.contains("`" + AppConfig.envName(key) + "`")) {
                missing.add(key + " without its variable " + AppConfig.envName(key));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDocumentedSettingExists() throws IOException {
        Set<String> unknown = documentedKeys();
        unknown.removeAll(settings());
        assertThat(unknown).as("rows of settings that no properties file has").isEmpty();
    }

    /** Keys of application.properties and the profile files. */
    private static Set<String> settings() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String file : List.of("application.properties", "application-local.properties",
                "application-production.properties")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            keys.addAll(p.stringPropertyNames());
        }
        return keys;
    }

    /** The keys named in the first cell of the reference's table rows. */
    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher m = CODE.matcher(line.substring(1, line.indexOf('|', 1)));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }
}
