package com.europages.loadbce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.Application;
import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.ContractColumn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** `ddl` prints the complete Redshift DDL: external schema and table, final, audit and BCE tables, every contract column. */
class DdlCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int ddl(Map<String, String> overrides) {
        AppConfig config = AppConfig.load(Path.of("."), Map.of("APP_PROFILE", "production"), new Properties())
                .with(overrides);
        return new Application(() -> config).run(new String[] {"ddl"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The text of the statement that starts with the given words, up to its ';'. */
    private String statement(String start) {
        String text = printed();
        int from = text.indexOf(start);
        assertThat(from).as("statement " + start).isNotNegative();
        return text.substring(from, text.indexOf(';', from) + 1);
    }

    @Test
    void externalSchemaNamesTheGlueDatabaseAndTheConfiguredRole() {
        assertThat(ddl(Map.of("warehouse.spectrum-iam-role", "arn:aws:iam::210987654321:role/spectrum-reader"))).isZero();
        assertThat(statement("CREATE EXTERNAL SCHEMA IF NOT EXISTS spectrum")).contains(
                "FROM DATA CATALOG DATABASE 'ep_analytics'", "IAM_ROLE 'arn:aws:iam::210987654321:role/spectrum-reader'");
    }

    @Test
    void everyTableIsCreatedWithEveryContractColumnWhereItBelongs() {
        assertThat(ddl(Map.of())).isZero();
        ColumnContract contract = ColumnContract.load(Path.of("routes/schema/dataflow_events.yaml"));
        String external = statement("CREATE EXTERNAL TABLE spectrum.dataflow_events");
        String fin = statement("CREATE TABLE IF NOT EXISTS analytics.dataflow_events_bce");
        for (ContractColumn c : contract.columns()) {
            assertThat(external).contains("  " + c.name() + " " + c.type().sql());
            assertThat(fin).contains("    " + c.name() + " " + c.type().sql());
        }
        assertThat(external).contains("source_key varchar(1024)", "PARTITIONED BY (dt date)");
        assertThat(fin).contains("company_matched boolean", "DISTKEY (company_id)");
        assertThat(statement("CREATE TABLE IF NOT EXISTS analytics.dataflow_load_audit")).contains(
                "source_key", "source_etag", "file_date", "rows_read", "rows_written", "rows_loaded", "rows_matched",
                "rows_unmatched", "values_replaced", "values_unconvertible", "transform_ms", "load_ms", "loaded_at");
        assertThat(statement("CREATE TABLE IF NOT EXISTS bce.company")).contains("company_id bigint NOT NULL");
        assertThat(printed()).contains("CREATE SCHEMA IF NOT EXISTS analytics;", "CREATE SCHEMA IF NOT EXISTS bce;")
                .doesNotContain("CREATE SCHEMA IF NOT EXISTS spectrum;", "${");
    }

    @Test
    void aRoleThatIsNotAnIamRoleArnIsRefused() {
        assertThat(ddl(Map.of("warehouse.spectrum-iam-role", "x' ; DROP TABLE t; --"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warehouse.spectrum-iam-role");
        assertThat(printed()).isEmpty();
    }
}
