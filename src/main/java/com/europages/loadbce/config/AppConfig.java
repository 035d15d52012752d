package com.europages.loadbce.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The service settings: application.properties, then the profile file, then environment variables and system properties. */
public final class AppConfig {

    public static final String PROFILE_KEY = "app.profile";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(secret|password|token|credential).*");

    /** Environment variables named like settings of these groups; AWS_ and CAMEL_ belong to the SDK and Camel. */
    private static final Pattern OWN_ENV = Pattern.compile("(APP|SQS|S3|INTAKE|TRANSFORM|WAREHOUSE|LOCAL|HEALTH)_[A-Z0-9_]+");
    private static final Set<String> ENV_NOT_SETTINGS = Set.of("APP_CONFIG_DIR");

    private final Path configDir;
    private final Map<String, String> values;
    private final List<String> unmatchedEnvironment;

    private AppConfig(Path configDir, Map<String, String> values, List<String> unmatchedEnvironment) {
        this.configDir = configDir;
        this.values = Collections.unmodifiableMap(values);
        this.unmatchedEnvironment = List.copyOf(unmatchedEnvironment);
    }

    /**
     * Loads {@code application.properties} from the folder, then {@code application-<profile>.properties}.
     * Every key of either file can be overridden by an environment variable named like the key in upper case with
     * '.' and '-' turned into '_' (sqs.queue-name: SQS_QUEUE_NAME), or by a -Dkey=value system property.
     */
    public static AppConfig load(Path configDir, Map<String, String> env, Properties system) {
        Map<String, String> merged = new TreeMap<>(readIfPresent(configDir.resolve("application.properties"), true));
        String profile = override(PROFILE_KEY, merged.getOrDefault(PROFILE_KEY, "local"), env, system);
        merged.putAll(readIfPresent(configDir.resolve("application-" + profile + ".properties"), false));
        merged.put(PROFILE_KEY, profile);
        merged.replaceAll((key, value) -> override(key, value, env, system));
        Set<String> envNames = new HashSet<>();
        merged.keySet().forEach(k -> envNames.add(envName(k)));
        List<String> unmatched = env.keySet().stream()
                .filter(name -> OWN_ENV.matcher(name).matches() && !envNames.contains(name)
                        && !ENV_NOT_SETTINGS.contains(name))
                .sorted().toList();
        return new AppConfig(configDir.toAbsolutePath().normalize(), merged, unmatched);
    }

    /** The configuration the service runs with: the folder from APP_CONFIG_DIR (default: working directory). */
    public static AppConfig fromEnvironment() {
        String dir = System.getenv().getOrDefault("APP_CONFIG_DIR", System.getProperty("app.config-dir", "."));
        return load(Path.of(dir), System.getenv(), System.getProperties());
    }

    /** A copy with some keys replaced (command-line options, test settings). */
    public AppConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new AppConfig(configDir, copy, unmatchedEnvironment);
    }

    public static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String override(String key, String value, Map<String, String> env, Properties system) {
        String fromSystem = system.getProperty(key);
        if (fromSystem != null) {
            return fromSystem;
        }
        return env.getOrDefault(envName(key), value);
    }

    private static Map<String, String> readIfPresent(Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new IllegalStateException("Configuration file not found: " + file.toAbsolutePath()
                        + " (run from the project folder or set APP_CONFIG_DIR)");
            }
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    public Path configDir() {
        return configDir;
    }

    public String profile() {
        return values.get(PROFILE_KEY);
    }

    public boolean isLocal() {
        return "local".equals(profile());
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("Missing setting '" + key + "' (env " + envName(key) + ")");
        }
        return v;
    }

    public String get(String key, String defaultValue) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting '" + key + "' must be an integer, got '" + get(key) + "'");
        }
    }

    public long getLong(String key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting '" + key + "' must be an integer, got '" + get(key) + "'");
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    public Duration getSeconds(String key) {
        return Duration.ofSeconds(getLong(key));
    }

    /** A path setting, relative paths taken from the configuration folder. */
    public Path getPath(String key) {
        Path p = Path.of(get(key));
        return p.isAbsolute() ? p : configDir.resolve(p).normalize();
    }

    /** All settings, for Camel's property placeholders. */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    /** Environment variables named like a setting of the service that no setting has: most often a misspelt one. */
    public List<String> unmatchedEnvironment() {
        return unmatchedEnvironment;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** True for keys whose values must never be printed. */
    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key).matches();
    }
}
