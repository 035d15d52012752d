package com.europages.loadbce.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.Application;
import com.europages.loadbce.EmbeddedServicesFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class of invalid setting stops `serve` before anything starts (no embedded server, no data folder) with
 * exit code 2 and one line naming the key, the value and what is allowed.
 */
class StartupValidationTest {

    static final Map<String, String> PRODUCTION_REQUIRED = Map.of(
            "warehouse.url", "jdbc:redshift://cluster.abc.eu-central-1.redshift.amazonaws.com:5439/analytics",
            "warehouse.password", "from-the-environment");

    @TempDir
    Path dir;

    record Outcome(int exit, List<String> errLines, String out) {
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    AppConfig local(Map<String, String> overrides) {
        return EmbeddedServicesFixture.projectConfig(dataDir(), overrides);
    }

    static AppConfig production(Map<String, String> overrides) {
        return AppConfig.load(Path.of("").toAbsolutePath(), Map.of("APP_PROFILE", "production"), new Properties())
                .with(overrides);
    }

    Outcome serve(AppConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Application(() -> config).run(new String[] {"serve"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, err.toString(StandardCharsets.UTF_8).lines().toList(), out.toString(StandardCharsets.UTF_8));
    }

    /** Exit 2, exactly one line, naming the key, showing the value and what is allowed; nothing started. */
    Outcome refused(AppConfig config, String key, String shownValue, String allowed) {
        Outcome o = serve(config);
        assertThat(o.exit()).as("exit code, stderr %s", o.errLines()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.errLines().get(0)).startsWith("Invalid setting " + key + "=" + shownValue + " (env "
                + AppConfig.envName(key) + "): expected ").contains(allowed);
        assertThat(dataDir()).as("nothing started: no data folder").doesNotExist();
        return o;
    }

    @Test
    void theShippedConfigurationPassesInBothProfiles() {
        assertThat(SettingsValidator.check(local(Map.of()))).isNotNull();
        assertThat(SettingsValidator.check(production(PRODUCTION_REQUIRED))).isNotNull();
    }

    @Test
    void theShippedConfigurationPassesOnEitherWarehouse() {
        assertThat(SettingsValidator.check(production(Map.of("warehouse.dialect", "duckdb")))).isNotNull();
        assertThat(SettingsValidator.check(local(Map.of("warehouse.dialect", "redshift",
                "warehouse.url", PRODUCTION_REQUIRED.get("warehouse.url"))))).isNotNull();
    }

    @Test
    void aMisspeltKeyIsRefusedRatherThanLeavingItsSettingAtTheDefault() {
        refusedAsUnknown("intake.file-name-regexp", "^x_(?<date>\\d{8})$", "no such setting");
    }

    @Test
    void aMisspeltCamelMainOptionIsRefusedBeforeAnythingStarts() {
        refusedAsUnknown("camel.main.shutdown-timout", "30", "Camel Main has no such option");
    }

    /** The key, set to the value, is refused as unknown in one line with the reason, before anything starts. */
    private void refusedAsUnknown(String key, String value, String reason) {
        Outcome o = serve(local(Map.of(key, value)));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).singleElement().asString().startsWith("Unknown setting " + key + " (in ")
                .contains(reason);
        assertThat(dataDir()).doesNotExist();
    }

    @Test
    void camelOptionsAreMatchedAsCamelBindsThemAndOtherCamelKeysAreLeftToCamel() {
        assertThat(SettingsValidator.check(local(Map.of("camel.main.shutdownTimeout", "30",
                "camel.management.HEALTH-CHECK-ENABLED", "true",
                "camel.component.aws2-s3.autowired-enabled", "true")))).isNotNull();
    }

    @Test
    void aMisspeltEnvironmentVariableIsRefused() {
        AppConfig config = AppConfig.load(Path.of("").toAbsolutePath(),
                Map.of("WAREHOUSE_DIALEKT", "duckdb", "APP_CONFIG_DIR", ".", "AWS_PROFILE", "default"), new Properties())
                .with(Map.of("app.data-dir", dataDir().toString()));
        Outcome o = serve(config);
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).containsExactly("Unknown setting in environment variable WAREHOUSE_DIALEKT: no setting "
                + "has this name, see docs/configuration.md");
    }

    @Test
    void aFileNameRegexThatDoesNotCompileIsRefused() {
        refused(local(Map.of("intake.file-name-regex", "^dataflow_(?<date>\\d{8}")), "intake.file-name-regex",
                "'^dataflow_(?<date>\\d{8}'", "valid Java regular expression");
    }

    @Test
    void aFileNameRegexWithoutTheDateGroupIsRefused() {
        refused(local(Map.of("intake.file-name-regex", "^dataflow_(\\d{8})\\.parquet$")), "intake.file-name-regex",
                "'^dataflow_(\\d{8})\\.parquet$'", "named group (?<date>...)");
    }

    @Test
    void zeroOrNegativeCountsAreRefused() {
        refused(local(Map.of("sqs.concurrent-consumers", "0")), "sqs.concurrent-consumers", "'0'",
                "a whole number from 1 to 1000");
        refused(local(Map.of("transform.max-rows", "-1")), "transform.max-rows", "'-1'", "at least 1");
    }

    @Test
    void zeroOrNegativeTimeoutsAreRefused() {
        refused(local(Map.of("warehouse.statement-timeout-s", "0")), "warehouse.statement-timeout-s", "'0'",
                "at least 1");
        refused(local(Map.of("aws.api-call-timeout-s", "-30")), "aws.api-call-timeout-s", "'-30'", "at least 1");
    }

    @Test
    void aTimeoutThatCannotWorkWithAnotherIsRefusedNamingBoth() {
        refused(local(Map.of("warehouse.statement-timeout-s", "600", "warehouse.socket-timeout-s", "600")),
                "warehouse.socket-timeout-s", "'600'", "more than warehouse.statement-timeout-s (600)");
    }

    @Test
    void aPoolWithoutAConnectionForEveryLoadIsRefused() {
        refused(local(Map.of("sqs.concurrent-consumers", "2", "sqs.loaders-per-consumer", "3",
                "warehouse.pool-size", "6")), "warehouse.pool-size", "'6'",
                "at least sqs.concurrent-consumers x sqs.loaders-per-consumer + 1 (7)");
        refused(local(Map.of("sqs.loaders-per-consumer", "0")), "sqs.loaders-per-consumer", "'0'",
                "a whole number from 1 to 100");
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        refused(local(Map.of("sqs.visibility-timeout-s", "2m")), "sqs.visibility-timeout-s", "'2m'",
                "a whole number from 1 to 43200");
    }

    @Test
    void anUnknownProfileIsRefused() {
        refused(local(Map.of("app.profile", "staging")), "app.profile", "'staging'", "one of local, production");
    }

    @Test
    void anUnknownDialectIsRefused() {
        refused(local(Map.of("warehouse.dialect", "postgres")), "warehouse.dialect", "'postgres'",
                "one of redshift, duckdb");
    }

    @Test
    void aMissingContractIsRefused() {
        refused(local(Map.of("transform.contract", "routes/schema/missing.yaml")), "transform.contract",
                "'routes/schema/missing.yaml'", "an existing file");
    }

    @Test
    void aMissingRoutesFolderIsRefused() {
        refused(local(Map.of("app.routes-dir", "no-such-routes")), "app.routes-dir", "'no-such-routes'",
                "an existing folder");
    }

    @Test
    void malformedUrlsAreRefused() {
        refused(local(Map.of("sqs.endpoint", "localhost:9324")), "sqs.endpoint", "'localhost:9324'",
                "http(s)://host[:port]");
        refused(production(Map.of("warehouse.url", "jdbc:postgresql://db:5432/analytics", "warehouse.password", "x")),
                "warehouse.url", "'jdbc:postgresql://db:5432/analytics'", "jdbc:redshift://HOST:PORT/DATABASE");
        refused(production(Map.of("warehouse.external-location", "ep-analytics/transformed/")).with(PRODUCTION_REQUIRED),
                "warehouse.external-location", "'ep-analytics/transformed/'", "s3://bucket/prefix/");
    }

    @Test
    void productionWithoutItsRequiredSettingsIsRefused() {
        refused(production(Map.of()), "warehouse.url", "''", "a Redshift JDBC URL");
        // the password is named, never shown
        Outcome o = refused(production(Map.of("warehouse.url", PRODUCTION_REQUIRED.get("warehouse.url"))),
                "warehouse.password", "''", "WAREHOUSE_PASSWORD");
        assertThat(o.errLines().get(0)).contains("required in production");
    }

    @Test
    void aSecretsValueIsNeverShown() {
        Outcome o = refused(local(Map.of("warehouse.dialect", "redshift", "warehouse.url", "jdbc:redshift://h:5439/db",
                "warehouse.password", "Pw-never-shown", "warehouse.external-location", "s3://ep-analytics/p/",
                "warehouse.socket-timeout-s", "1")), "warehouse.socket-timeout-s", "'1'", "statement-timeout");
        assertThat(o.errLines().get(0)).doesNotContain("Pw-never-shown");
        assertThat(serve(production(PRODUCTION_REQUIRED).with(Map.of("warehouse.user", ""))).errLines())
                .singleElement().asString().startsWith("Invalid setting warehouse.user=''");
    }

    @Test
    void anUnwritableTempFolderIsRefusedEvenForRoot() throws Exception {
        // read-only permissions do not stop root; a folder below a regular file cannot be created by anyone
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        refused(local(Map.of("transform.temp-dir", file.resolve("tmp").toString())), "transform.temp-dir",
                "'" + file.resolve("tmp") + "'", "a folder this process can write to");
    }

    @Test
    void everyMistakeGetsItsOwnLine() {
        Outcome o = serve(local(Map.of("sqs.max-messages-per-poll", "11", "app.time-zone", "Paris",
                "transform.compression", "LZ4")));
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("Invalid setting sqs.max-messages-per-poll='11'"))
                .anySatisfy(l -> assertThat(l).startsWith("Invalid setting app.time-zone='Paris'"))
                .anySatisfy(l -> assertThat(l).startsWith("Invalid setting transform.compression='LZ4'"));
    }
}
