package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our warehouse SQL through the production Redshift driver, against embedded PostgreSQL. */
@ExtendWith(EmbeddedRedshiftExtension.class)
class RedshiftDriverAgainstPostgresTest {

    private static final int ROWS = 10_000;
    private static final int BATCH = 1_000;

    private static EmbeddedRedshiftStandIn redshift;

    @BeforeAll
    static void standIn(EmbeddedRedshiftStandIn standIn) {
        redshift = standIn;
    }

    @Test
    void connectionIsTheRedshiftDriversToPostgres15OrLater() throws SQLException {
        try (Connection connection = redshift.open()) {
            assertThat(connection.getClass().getName()).startsWith("com.amazon.redshift.");
            assertThat(connection.isWrapperFor(com.amazon.redshift.RedshiftConnection.class)).isTrue();
            assertThat(single(connection, "SELECT current_setting('server_version_num')::int")).isInstanceOf(Integer.class)
                    .satisfies(version -> assertThat((Integer) version).isGreaterThanOrEqualTo(150000));
        }
        assertThat(redshift.proxy().droppedParameters())
                .contains("driver_version", "os_version", "client_protocol_version", "driver_discovery_version");
    }

    @Test
    void batchedInsertOfTenThousandTypedRowsReadsBackExactly() throws SQLException {
        List<TypedRow> written = IntStream.range(0, ROWS).mapToObj(TypedRow::sample).toList();
        try (Connection connection = redshift.open()) {
            execute(connection, "DROP TABLE IF EXISTS typed_rows");
            execute(connection, "CREATE TABLE typed_rows (id int PRIMARY KEY, small smallint, whole int, big bigint,"
                    + " single_precision real, double_precision double precision, amount numeric(18,4), flag boolean,"
                    + " label varchar(64), day date, seen_at timestamp)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO typed_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TypedRow row : written) {
                    row.bind(insert);
                    insert.addBatch();
                    if (row.id() % BATCH == BATCH - 1) {
                        assertThat(insert.executeBatch()).hasSize(BATCH).containsOnly(1);
                    }
                }
            }
            connection.commit();

            List<TypedRow> read = new ArrayList<>(ROWS);
            try (Statement select = connection.createStatement();
                 ResultSet rs = select.executeQuery("SELECT * FROM typed_rows ORDER BY id")) {
                while (rs.next()) {
                    read.add(TypedRow.from(rs));
                }
            }
            connection.commit();
            assertThat(read).hasSize(ROWS);
            // element by element so a failure names the first differing row instead of dumping 10,000
            for (int i = 0; i < ROWS; i++) {
                assertThat(read.get(i)).as("row %d", i).isEqualTo(written.get(i));
            }
        }
    }

    @Test
    void deleteThenInsertSelectLeftJoinBecomesVisibleOnlyAtCommit() throws SQLException {
        try (Connection loader = redshift.open(); Connection reader = redshift.open()) {
            execute(loader, "DROP TABLE IF EXISTS visits, stage_visits, pages");
            execute(loader, "CREATE TABLE pages (page_id int PRIMARY KEY, name varchar(32) NOT NULL)");
            execute(loader, "CREATE TABLE visits (day date, page_id int, page_name varchar(32) NOT NULL, hits bigint)");
            execute(loader, "CREATE TABLE stage_visits (day date, page_id int, hits bigint)");
            execute(loader, "INSERT INTO pages VALUES (1, 'home'), (2, 'search')");
            execute(loader, "INSERT INTO visits VALUES ('2026-11-01', 1, 'home', 10), ('2026-11-02', 1, 'home', 20),"
                    + " ('2026-11-02', 2, 'search', 21)");
            execute(loader, "INSERT INTO stage_visits VALUES ('2026-11-02', 2, 22), ('2026-11-02', 3, 5)");

            loader.setAutoCommit(false);
            int deleted = update(loader, "DELETE FROM visits WHERE day IN (SELECT day FROM stage_visits)");
            int inserted = update(loader, "INSERT INTO visits (day, page_id, page_name, hits)"
                    + " SELECT s.day, s.page_id, COALESCE(p.name, 'unknown'), s.hits"
                    + " FROM stage_visits s LEFT JOIN pages p ON p.page_id = s.page_id");
            assertThat(deleted).isEqualTo(2);
            assertThat(inserted).isEqualTo(2);
            assertThat(rows(reader, "SELECT hits FROM visits ORDER BY hits")).containsExactly(
                    List.of(10L), List.of(20L), List.of(21L));

            loader.commit();

            assertThat(rows(reader, "SELECT day::text, page_id, page_name, hits FROM visits ORDER BY day, page_id"))
                    .containsExactly(
                            List.of("2026-11-01", 1, "home", 10L),
                            List.of("2026-11-02", 2, "search", 22L),
                            List.of("2026-11-02", 3, "unknown", 5L));
        }
    }

    @Test
    void failingSecondStatementRollsBackTheFirst() throws SQLException {
        try (Connection connection = redshift.open()) {
            execute(connection, "DROP TABLE IF EXISTS daily_totals");
            execute(connection, "CREATE TABLE daily_totals (day date NOT NULL, total bigint NOT NULL)");
            execute(connection, "INSERT INTO daily_totals VALUES ('2026-11-01', 1), ('2026-11-02', 2)");
            List<List<Object>> before = rows(connection, "SELECT day::text, total FROM daily_totals ORDER BY day");

            connection.setAutoCommit(false);
            assertThat(update(connection, "DELETE FROM daily_totals")).isEqualTo(2);
            assertThatThrownBy(() -> update(connection, "INSERT INTO daily_totals VALUES ('2026-11-03', NULL)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
            connection.rollback();

            assertThat(rows(connection, "SELECT day::text, total FROM daily_totals ORDER BY day")).isEqualTo(before);
        }
        try (Connection other = redshift.open()) {
            assertThat(single(other, "SELECT count(*) FROM daily_totals")).isEqualTo(2L);
        }
    }

    /**
     * The load, reject-file and completeness routes' statements as camel-jdbc sends them (named :?parameters made '?' by its prepare strategy):
     * the driver prepares each and describes its parameters, which camel-jdbc asks for before binding.
     */
    @Test
    void theLoadRoutesStatementsPrepareAndDescribeTheirParameters() throws SQLException {
        WarehouseTestTables tables = new WarehouseTestTables(java.util.Map.of("warehouse.dialect", "redshift"));
        var strategy = new org.apache.camel.component.jdbc.DefaultJdbcPrepareStatementStrategy();
        try (Connection connection = redshift.open(); Statement s = connection.createStatement()) {
            tables.createTables(connection);
            s.execute("CREATE TABLE IF NOT EXISTS " + tables.names.get("external_table") + " ("
                    + tables.externalColumnsDdl() + ", dt date)");
            for (String file : List.of("load-delete.sql", "load-insert.sql", "load-counts.sql", "audit-delete.sql",
                    "audit-insert.sql", "load-report.sql", "rejected-insert.sql", "completeness-files.sql")) {
                String sql = tables.sql.sql(file);
                long named = java.util.regex.Pattern.compile(":\\?\\w+").matcher(sql).results().count();
                try (PreparedStatement ps = connection.prepareStatement(strategy.prepareQuery(sql, true))) {
                    assertThat(ps.getParameterMetaData().getParameterCount()).as(file).isEqualTo((int) named)
                            .isPositive();
                }
            }
        }
    }

    @Test
    void mergeUpdatesMatchedRowsAndInsertsNewOnes() throws SQLException {
        try (Connection connection = redshift.open()) {
            execute(connection, "DROP TABLE IF EXISTS merge_target, merge_source");
            execute(connection, "CREATE TABLE merge_target (id int PRIMARY KEY, name varchar(16), hits bigint)");
            execute(connection, "CREATE TABLE merge_source (id int, name varchar(16), hits bigint)");
            execute(connection, "INSERT INTO merge_target VALUES (1, 'one', 1), (2, 'two', 2)");
            execute(connection, "INSERT INTO merge_source VALUES (2, 'deux', 20), (3, 'trois', 30)");

            connection.setAutoCommit(false);
            // the subset of MERGE that Redshift accepts too: unqualified SET targets, one MATCHED and one NOT MATCHED arm
            int merged = update(connection, "MERGE INTO merge_target USING merge_source s ON merge_target.id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET name = s.name, hits = s.hits"
                    + " WHEN NOT MATCHED THEN INSERT (id, name, hits) VALUES (s.id, s.name, s.hits)");
            connection.commit();

            assertThat(merged).isEqualTo(2);
            assertThat(rows(connection, "SELECT id, name, hits FROM merge_target ORDER BY id")).containsExactly(
                    List.of(1, "one", 1L), List.of(2, "deux", 20L), List.of(3, "trois", 30L));
        }
    }

    /** One row of every column type the loader binds; values chosen to be exact in their SQL type. */
    record TypedRow(int id, Short small, Integer whole, Long big, Float singlePrecision, Double doublePrecision,
                    BigDecimal amount, Boolean flag, String label, LocalDate day, LocalDateTime seenAt) {

        private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
        // mid-January, so Timestamp's trip through the JVM's zone never crosses a DST change
        private static final LocalDateTime FIRST_SEEN = LocalDateTime.of(2024, 1, 15, 0, 0);

        static TypedRow sample(int i) {
            boolean nulls = i % 997 == 0;
            return new TypedRow(i,
                    (short) (i - ROWS / 2),
                    i * 100_003 - 500_000_000,
                    9_000_000_000_000L + i * 7_919L,
                    (i - ROWS / 2) / 8f,
                    i * Math.PI,
                    BigDecimal.valueOf((i % 2 == 0 ? 1 : -1) * (i * 123_456_789L + 1), 4),
                    nulls ? null : i % 3 == 0,
                    nulls ? null : "row " + i + " é€ 'quoted' \"double\"",
                    FIRST_DAY.plusDays(i),
                    nulls ? null : FIRST_SEEN.plusSeconds(i * 37L).plusNanos((i % 1000) * 1_000L));
        }

        void bind(PreparedStatement insert) throws SQLException {
            insert.setInt(1, id);
            insert.setShort(2, small);
            insert.setInt(3, whole);
            insert.setLong(4, big);
            insert.setFloat(5, singlePrecision);
            insert.setDouble(6, doublePrecision);
            insert.setBigDecimal(7, amount);
            if (flag == null) {
                insert.setNull(8, Types.BOOLEAN);
            } else {
                insert.setBoolean(8, flag);
            }
            insert.setString(9, label);
            insert.setDate(10, Date.valueOf(day));
            insert.setTimestamp(11, seenAt == null ? null : Timestamp.valueOf(seenAt));
        }

        static TypedRow from(ResultSet rs) throws SQLException {
            boolean flag = rs.getBoolean("flag");
            Boolean nullableFlag = rs.wasNull() ? null : flag;
            Timestamp seenAt = rs.getTimestamp("seen_at");
            return new TypedRow(rs.getInt("id"), rs.getShort("small"), rs.getInt("whole"), rs.getLong("big"),
                    rs.getFloat("single_precision"), rs.getDouble("double_precision"), rs.getBigDecimal("amount"),
                    nullableFlag, rs.getString("label"), rs.getDate("day").toLocalDate(),
                    seenAt == null ? null : seenAt.toLocalDateTime());
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static Object single(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = rows(connection, sql);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).hasSize(1);
        return rows.get(0).get(0);
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
