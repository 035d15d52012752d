package com.europages.loadbce.config;

import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.warehouse.SqlIdentifiers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks every setting before anything starts (no server, no connection, no file generated): each mistake becomes
 * one line naming the key, its value and what is allowed, and {@link #check} throws them all together.
 */
public final class SettingsValidator {

    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}(\\.fifo)?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern S3_LOCATION = Pattern.compile("s3://[a-z0-9.\\-]{3,63}/[A-Za-z0-9_./=\\-]*");
    private static final Pattern REDSHIFT_URL = Pattern.compile("jdbc:redshift:(iam:)?//[A-Za-z0-9.\\-]+(:\\d{1,5})?/\\S*");
    private static final Pattern IAM_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-]+");
    private static final Set<String> BOOLEANS = Set.of("true", "false");

    private final AppConfig config;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> checked = new HashSet<>();

    private SettingsValidator(AppConfig config) {
        this.config = config;
    }

    /** Returns the configuration when every setting is valid; otherwise throws all the problems at once. */
    public static AppConfig check(AppConfig config) {
        SettingsValidator v = new SettingsValidator(config);
        v.service();
        v.queues();
        v.intake();
        v.transform();
        v.warehouse();
        v.management();
        if (config.isLocal()) {
            v.local();
        }
        if (v.problems.isEmpty()) {
            // with an invalid profile or dialect the keys in use are unknown: the first mistake is the one to show
            v.unknownKeys();
        }
        if (!v.problems.isEmpty()) {
            throw new InvalidSettingsException(v.problems);
        }
        return config;
    }

    private void service() {
        oneOf(AppConfig.PROFILE_KEY, "local", "production");
        folder("app.routes-dir");
        notAFile("app.data-dir");
        String zone = value("app.time-zone");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problem("app.time-zone", "a time-zone ID such as Europe/Paris or UTC");
        }
        oneOf("app.log-format", "text", "json");
        atLeast("camel.main.shutdown-timeout", 1);
    }

    private void queues() {
        matches("aws.region", REGION, "an AWS region such as eu-central-1");
        Integer call = atLeast("aws.api-call-timeout-s", 1);
        Integer attempt = atLeast("aws.api-call-attempt-timeout-s", 1);
        Integer wait = between("sqs.wait-time-s", 0, 20);
        if (call != null && attempt != null && attempt > call) {
            problem("aws.api-call-attempt-timeout-s", "at most aws.api-call-timeout-s (" + call + ")");
        } else if (attempt != null && wait != null && attempt <= wait) {
            problem("aws.api-call-attempt-timeout-s", "more than sqs.wait-time-s (" + wait + "): a long poll is one attempt");
        }
        matches("sqs.queue-name", QUEUE_NAME, "an SQS queue name: 1-80 letters, digits, '-' or '_'");
        matches("sqs.error-queue-name", QUEUE_NAME, "an SQS queue name: 1-80 letters, digits, '-' or '_'");
        endpoint("sqs.endpoint");
        endpoint("s3.endpoint");
        bool("s3.force-path-style");
        between("sqs.concurrent-consumers", 1, 1000);
        between("sqs.loaders-per-consumer", 1, 100);
        between("sqs.max-messages-per-poll", 1, 10);
        between("sqs.visibility-timeout-s", 1, 43_200);
        bool("sqs.extend-visibility");
        between("sqs.retry-backoff-max-s", 0, 43_200);
        between("sqs.max-body-bytes", 1, 1_048_576);
    }

    private void intake() {
        matches("intake.bucket", BUCKET, "an S3 bucket name: 3-63 lower-case letters, digits, '.' or '-'");
        if (value("intake.staging-prefix").startsWith("/")) {
            problem("intake.staging-prefix", "an S3 key prefix without a leading '/', such as staging/");
        }
        String regex = value("intake.file-name-regex");
        try {
            Pattern.compile(regex);
            if (!regex.contains("(?<date>")) {
                problem("intake.file-name-regex", "a regular expression with a named group (?<date>...)");
            }
        } catch (PatternSyntaxException e) {
            problem("intake.file-name-regex", "a valid Java regular expression with a named group (?<date>...) ("
                    + e.getDescription() + " at index " + e.getIndex() + ")");
        }
        try {
            DateTimeFormatter.ofPattern(value("intake.file-date-format"));
        } catch (IllegalArgumentException e) {
            problem("intake.file-date-format", "a java.time date pattern such as yyyyMMdd (" + e.getMessage() + ")");
        }
        between("intake.extra-days-back", 0, 366);
        between("intake.expected-files-per-hour", 1, 10_000);
        try {
            ShortDuration.parse(value("intake.completeness-grace"));
        } catch (IllegalArgumentException e) {
            problem("intake.completeness-grace", "a duration such as 90s, 45m, 6h, 2d or PT6H");
        }
    }

    private void transform() {
        Path contract = file("transform.contract");
        if (contract != null) {
            try {
                ColumnContract.load(contract);
            } catch (RuntimeException e) {
                problem("transform.contract", "a valid column contract: " + e.getMessage());
            }
        }
        String prefix = value("transform.output-prefix");
        if (prefix.isEmpty() || prefix.startsWith("/") || !prefix.endsWith("/")) {
            problem("transform.output-prefix", "an S3 key prefix ending with '/', such as transformed/");
        }
        atLeastLong("transform.multipart-part-bytes", 5L * 1024 * 1024, "bytes (S3's smallest part)");
        String ratio = value("transform.max-unconvertible-ratio");
        if (!ratio.isEmpty()) {
            try {
                double r = Double.parseDouble(ratio);
                if (!(r >= 0 && r <= 1)) {
                    problem("transform.max-unconvertible-ratio", "empty (the contract's) or a number from 0 to 1");
                }
            } catch (NumberFormatException e) {
                problem("transform.max-unconvertible-ratio", "empty (the contract's) or a number from 0 to 1");
            }
        }
        if (!value("transform.varchar-overflow").isEmpty()) {
            oneOf("transform.varchar-overflow", "truncate", "error");
        }
        oneOf("transform.compression", "SNAPPY", "ZSTD", "GZIP", "UNCOMPRESSED");
        atLeastLong("transform.max-rows", 1, "");
        between("transform.threads", 0, 64);
        writableFolder("transform.temp-dir");
    }

    private void warehouse() {
        String dialect = value("warehouse.dialect");
        oneOf("warehouse.dialect", "redshift", "duckdb");
        String url = value("warehouse.url");
        if ("redshift".equals(dialect)) {
            if (url.isEmpty() || !REDSHIFT_URL.matcher(url).matches()) {
                problem("warehouse.url", "a Redshift JDBC URL: jdbc:redshift://HOST:PORT/DATABASE or "
                        + "jdbc:redshift:iam://HOST:PORT/DATABASE");
            } else if (!url.startsWith("jdbc:redshift:iam:") && !config.isLocal()) {
                // production: the connection needs its user and password (never in a file)
                if (value("warehouse.user").isEmpty()) {
                    problem("warehouse.user", "the Redshift user; required in production unless warehouse.url is an IAM URL");
                }
                if (value("warehouse.password").isEmpty()) {
                    problem("warehouse.password", "the Redshift password from the environment (WAREHOUSE_PASSWORD); "
                            + "required in production unless warehouse.url is an IAM URL (jdbc:redshift:iam://...)");
                }
            }
            matches("warehouse.external-location", S3_LOCATION, "an s3://bucket/prefix/ URL");
            known("warehouse.user", "warehouse.password", "warehouse.duckdb-files-dir");
        } else if ("duckdb".equals(dialect)) {
            known("warehouse.user", "warehouse.password", "warehouse.external-location");
            if (!url.isEmpty() && (!url.startsWith("jdbc:duckdb:") || url.length() == "jdbc:duckdb:".length())) {
                problem("warehouse.url", "empty (<app.data-dir>/warehouse.duckdb) or jdbc:duckdb:<database file>");
            }
            // DuckDB reads no s3:// here: it reads the service's own copies of the files it uploads
            if (value("warehouse.duckdb-files-dir").contains("://")) {
                problem("warehouse.duckdb-files-dir", "empty (<app.data-dir>/transformed) or a local folder");
            }
        }
        // read by `ddl` only, which prints the external schema's statement for an operator to run
        identifier("warehouse.spectrum-database", false);
        matches("warehouse.spectrum-iam-role", IAM_ROLE, "an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME");
        for (String key : List.of("warehouse.external-schema", "warehouse.external-table")) {
            identifier(key, false);
        }
        for (String key : List.of("warehouse.final-table", "warehouse.audit-table", "warehouse.rejected-table",
                "warehouse.bce-table")) {
            identifier(key, true);
        }
        folder("warehouse.sql-dir");
        Integer rowGroup = between("warehouse.duckdb-row-group-size", 2048, 122_880);
        if (rowGroup != null && rowGroup % 2048 != 0) {
            problem("warehouse.duckdb-row-group-size", "a multiple of 2048 from 2048 to 122880");
        }
        between("warehouse.duckdb-threads", 0, 1024);
        Integer pool = between("warehouse.pool-size", 1, 1000);
        Integer consumers = intOrNull("sqs.concurrent-consumers");
        Integer loaders = intOrNull("sqs.loaders-per-consumer");
        if (pool != null && consumers != null && loaders != null && pool < consumers * loaders + 1) {
            problem("warehouse.pool-size", "at least sqs.concurrent-consumers x sqs.loaders-per-consumer + 1 ("
                    + (consumers * loaders + 1) + "): a connection per load and one for the readiness check");
        }
        Integer connect = atLeast("warehouse.connect-timeout-s", 1);
        Integer validation = atLeast("warehouse.validation-timeout-s", 1);
        Integer statement = atLeast("warehouse.statement-timeout-s", 1);
        Integer socket = atLeast("warehouse.socket-timeout-s", 1);
        if (connect != null && validation != null && validation > connect) {
            problem("warehouse.validation-timeout-s", "at most warehouse.connect-timeout-s (" + connect + ")");
        }
        if (statement != null && socket != null && socket <= statement) {
            problem("warehouse.socket-timeout-s", "more than warehouse.statement-timeout-s (" + statement
                    + "): the server's own cancel must come first");
        }
    }

    private void management() {
        bool("camel.management.enabled");
        if (!HOST.matcher(value("camel.management.host")).matches()) {
            problem("camel.management.host", "an interface address or host name, such as 127.0.0.1 or 0.0.0.0");
        }
        between("camel.management.port", 0, 65_535);
        atLeast("health.timeout-s", 1);
    }

    private void local() {
        between("local.sqs.port", 0, 65_535);
        between("local.s3.port", 0, 65_535);
        between("local.sqs.max-receive-count", 1, 1000);
        bool("local.s3.notify-base64");
        if (value("local.s3.notify-prefix").startsWith("/")) {
            problem("local.s3.notify-prefix", "empty (intake.staging-prefix) or a key prefix without a leading '/'");
        }
        for (String key : List.of("local.access-key", "local.secret-key")) {
            if (value(key).isEmpty()) {
                problem(key, "a non-empty key for the embedded servers");
            }
        }
    }

    /**
     * A key no check read is a setting nothing uses: most often a misspelt one, whose intended setting silently keeps
     * its default. Camel's own keys are checked against Camel Main's options (other {@code camel.*} keys are left to
     * Camel).
     */
    private void unknownKeys() {
        CamelMainOptions camel = CamelMainOptions.load();
        for (String key : config.asMap().keySet()) {
            if (key.startsWith("camel.")) {
                if (camel.isUnknown(key)) {
                    problems.add("Unknown setting " + key + " (in " + config.configDir()
                            + "): Camel Main has no such option, see docs/configuration.md");
                }
            } else if (!checked.contains(key) && !key.equals(AppConfig.PROFILE_KEY)) {
                problems.add("Unknown setting " + key + " (in " + config.configDir()
                        + "): no such setting, see docs/configuration.md");
            }
        }
        for (String name : config.unmatchedEnvironment()) {
            problems.add("Unknown setting in environment variable " + name
                    + ": no setting has this name, see docs/configuration.md");
        }
    }

    /** Keys a branch of the checks does not use, so they are not reported as unknown. */
    private void known(String... keys) {
        checked.addAll(List.of(keys));
    }

    /** The value, trimmed; empty when the key is absent. */
    private String value(String key) {
        checked.add(key);
        String v = config.asMap().get(key);
        return v == null ? "" : v.trim();
    }

    private void problem(String key, String allowed) {
        String v = config.asMap().get(key);
        String shown = v == null ? "(missing)" : AppConfig.isSecret(key) && !v.isEmpty() ? "(hidden)" : "'" + v + "'";
        problems.add("Invalid setting " + key + "=" + shown + " (env " + AppConfig.envName(key) + "): expected "
                + allowed);
    }

    private void oneOf(String key, String... allowed) {
        if (!List.of(allowed).contains(value(key))) {
            problem(key, "one of " + String.join(", ", allowed));
        }
    }

    private void bool(String key) {
        if (!BOOLEANS.contains(value(key).toLowerCase(Locale.ROOT))) {
            problem(key, "true or false");
        }
    }

    private void matches(String key, Pattern pattern, String allowed) {
        if (!pattern.matcher(value(key)).matches()) {
            problem(key, allowed);
        }
    }

    private Integer intOrNull(String key) {
        try {
            return Integer.valueOf(value(key));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The whole number when it lies in [min, max]; null (and a problem) otherwise. */
    private Integer between(String key, int min, int max) {
        Integer v = intOrNull(key);
        if (v == null || v < min || v > max) {
            problem(key, "a whole number from " + min + " to " + max);
            return null;
        }
        return v;
    }

    private Integer atLeast(String key, int min) {
        Integer v = intOrNull(key);
        if (v == null || v < min) {
            problem(key, "a whole number of at least " + min);
            return null;
        }
        return v;
    }

    private void atLeastLong(String key, long min, String unit) {
        try {
            if (Long.parseLong(value(key)) >= min) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "a whole number of at least " + min + (unit.isEmpty() ? "" : " " + unit));
    }

    private void endpoint(String key) {
        String v = value(key);
        if (v.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(v);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(key, "empty (the AWS endpoint of the region) or an http(s)://host[:port] URL");
    }

    private void identifier(String key, boolean qualified) {
        try {
            if (qualified) {
                SqlIdentifiers.qualified(value(key), key);
            } else {
                SqlIdentifiers.name(value(key), key);
            }
        } catch (IllegalArgumentException e) {
            problem(key, qualified ? "an SQL name or schema.name (letters, digits, '_')" : "an SQL name (letters, digits, '_')");
        }
    }

    private Path path(String key) {
        try {
            return value(key).isEmpty() ? null : config.getPath(key);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void folder(String key) {
        Path p = path(key);
        if (p == null || !Files.isDirectory(p)) {
            problem(key, "an existing folder (relative paths from " + config.configDir() + ")");
        }
    }

    private Path file(String key) {
        Path p = path(key);
        if (p == null || !Files.isRegularFile(p)) {
            problem(key, "an existing file (relative paths from " + config.configDir() + ")");
            return null;
        }
        return p;
    }

    private void notAFile(String key) {
        Path p = path(key);
        if (p == null || (Files.exists(p) && !Files.isDirectory(p))) {
            problem(key, "a folder, existing or to be created");
        }
    }

    /** Creates the folder if needed and a file in it: read-only permissions do not stop root, a real write does. */
    private void writableFolder(String key) {
        Path dir = value(key).isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : path(key);
        try {
            if (dir == null) {
                throw new IOException("not a path");
            }
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "settings-check-", ".tmp"));
        } catch (IOException | RuntimeException e) {
            problem(key, "empty (the system temp folder) or a folder this process can write to (" + e + ")");
        }
    }
}
