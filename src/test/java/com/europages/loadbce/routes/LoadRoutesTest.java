package com.europages.loadbce.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.intake.Headers;
import com.europages.loadbce.transform.ParquetTransformProcessor;
import com.europages.loadbce.transform.TransformReport;
import com.europages.loadbce.warehouse.LoadFigures;
import com.europages.loadbce.warehouse.LoadResult;
import java.nio.file.Path;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Routes "load" and "load-transaction" with every jdbc endpoint mocked: the refresh outside the transaction, the
 * five statements inside it in order, commit when the counts agree, rollback when they do not or a statement fails.
 */
class LoadRoutesTest extends RoutesTestSupport {

    static final String KEY = "staging/dataflow_europages_20220501_13_2.parquet";

    final RecordingTransactions transactions = new RecordingTransactions();
    long inserted;
    long counted;

    @Override
    String[] routeFiles() {
        return new String[] {"load.camel.yaml", "load-transaction.camel.yaml"};
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("loadTransaction", new SpringTransactionPolicy(transactions));
    }

    MockEndpoint refreshAndReport() {
        return getMockEndpoint("mock:jdbc:warehouse");
    }

    MockEndpoint transactional() {
        return getMockEndpoint("mock:spring-jdbc:warehouse");
    }

    /** The mocked warehouse answers the insert with its row count and the counts query with its row. */
    @BeforeEach
    void warehouseAnswers() {
        transactional().whenAnyExchangeReceived(e -> {
            String sql = e.getMessage().getBody(String.class);
            if (sql.startsWith("INSERT INTO analytics.dataflow_events_bce")) {
                e.getMessage().setHeader("CamelJdbcUpdateCount", (int) inserted);
            } else if (sql.startsWith("SELECT CAST(COUNT(*)")) {
                e.getMessage().setBody(Map.of("rows_loaded", counted, "rows_matched", 2L));
            }
        });
        refreshAndReport().whenAnyExchangeReceived(e -> {
            if (e.getMessage().getBody(String.class).startsWith("SELECT source_key")) {
                e.getMessage().setBody(Map.of("source_key", KEY, "rows_loaded", counted));
            }
        });
    }

    Exchange load(long transformedRows) {
        return template.send("direct:load", e -> {
            e.getMessage().setHeader(Headers.BUCKET, "ep-analytics");
            e.getMessage().setHeader(Headers.KEY, KEY);
            e.getMessage().setHeader(Headers.ETAG, "etag");
            e.getMessage().setHeader(Headers.DATE, "2022-05-01");
            e.getMessage().setHeader(ParquetTransformProcessor.REPORT_HEADER, new TransformReport(KEY,
                    Path.of("t.parquet"), transformedRows, transformedRows, 1, 1, List.of("new_prop"), List.of(), Map.of(), 25));
        });
    }

    List<String> statements() {
        return transactional().getExchanges().stream()
                .map(e -> e.getMessage().getBody(String.class).split("\\s+")[0] + " "
                        + e.getMessage().getBody(String.class).replaceAll("(?s).*?(analytics\\.\\w+).*", "$1"))
                .toList();
    }

    @Test
    void countsThatAgreeCommitTheFileAndItsAuditRow() throws Exception {
        inserted = 3;
        counted = 3;

        Exchange done = load(3);

        assertThat(done.getException()).isNull();
        assertThat(refreshAndReport().getExchanges().get(0).getMessage().getBody(String.class))
                .isEqualTo("ALTER TABLE spectrum.dataflow_events ADD IF NOT EXISTS PARTITION (dt = '2022-05-01') "
                        + "LOCATION 's3://ep-analytics/transformed/dt=2022-05-01/'");
        assertThat(statements()).containsExactly("DELETE analytics.dataflow_events_bce",
                "INSERT analytics.dataflow_events_bce", "SELECT analytics.dataflow_events_bce",
                "DELETE analytics.dataflow_load_audit", "INSERT analytics.dataflow_load_audit");
        assertThat(transactions.events).containsExactly("begin", "commit");
        Exchange audit = transactional().getExchanges().get(4);
        assertThat(audit.getMessage().getHeader("DataFlowRowsUnmatched")).isEqualTo(1L);
        assertThat(audit.getMessage().getHeader("DataFlowTransformMs")).isEqualTo(25L);
        // schema drift: the source column the contract does not name, no contract column filled
        assertThat(audit.getMessage().getHeader("DataFlowColumnsDropped")).isEqualTo("new_prop");
        assertThat(audit.getMessage().getHeader("DataFlowColumnsFilled")).isEqualTo("");
        assertThat(audit.getMessage().getBody(String.class)).contains(":?DataFlowColumnsDropped");
        assertThat(done.getMessage().getHeader(LoadFigures.RESULT_HEADER, LoadResult.class))
                .extracting(LoadResult::rowsLoaded, LoadResult::rowsMatched, LoadResult::rowsUnmatched)
                .containsExactly(3L, 2L, 1L);
        assertThat(counter("loadbce.files.loaded")).isEqualTo(1);
        assertThat(counter("loadbce.rows.loaded")).isEqualTo(3);
        assertThat(counter("loadbce.columns.dropped")).isEqualTo(1);
    }

    @Test
    void countsThatDisagreeRollBackBeforeTheAuditRow() throws Exception {
        inserted = 4;
        counted = 4;

        Exchange done = load(3);

        assertThat(done.getException()).hasCauseInstanceOf(SQLDataException.class)
                .hasMessageContaining("transformed 3 rows, inserted 4, final table holds 4");
        assertThat(statements()).hasSize(3);
        assertThat(transactions.events).containsExactly("begin", "rollback");
        assertThat(refreshAndReport().getExchanges()).as("the refresh only, no load report").hasSize(1);
        assertThat(counter("loadbce.files.loaded")).isZero();
    }

    @Test
    void aFailingStatementRollsTheTransactionBack() throws Exception {
        transactional().whenExchangeReceived(2, e -> {
            throw new SQLException("relation does not exist");
        });

        Exchange done = load(3);

        assertThat(done.getException()).hasStackTraceContaining("relation does not exist");
        assertThat(statements()).hasSize(2);
        assertThat(transactions.events).containsExactly("begin", "rollback");
    }

    @Test
    void aFailingRefreshStopsTheLoadBeforeAnyTransaction() throws Exception {
        refreshAndReport().whenExchangeReceived(1, e -> {
            throw new SQLException("external schema missing");
        });

        Exchange done = load(3);

        assertThat(done.getException()).hasMessage("external schema missing");
        assertThat(transactions.events).isEmpty();
        assertThat(transactional().getExchanges()).isEmpty();
    }

    /** A transaction manager that only records what the transacted route asks of it. */
    static final class RecordingTransactions extends AbstractPlatformTransactionManager {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            events.add("begin");
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            events.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            events.add("rollback");
        }
    }
}
