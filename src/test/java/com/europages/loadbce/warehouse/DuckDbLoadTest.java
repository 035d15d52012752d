package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local dialect through the load route: the external table is a DuckDB view over Parquet files laid out as the
 * local S3 stores them (transformed/dt=YYYY-MM-DD/name.parquet); the same load SQL joins and replaces per file.
 */
class DuckDbLoadTest {

    static final LocalDate DAY = LocalDate.of(2022, 5, 1);

    @TempDir
    Path dir;
    WarehouseTestTables tables;
    DuckDbDataSource dataSource;
    Path transformed;

    @BeforeEach
    void warehouse() throws Exception {
        tables = new WarehouseTestTables(Map.of("warehouse.dialect", "duckdb"));
        dataSource = new DuckDbDataSource(dir.resolve("warehouse.duckdb"));
        transformed = dir.resolve("s3/ep-analytics/transformed");
        WarehouseBootstrap.createLocalTables(dataSource, tables.sql, tables.names);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + tables.names.get("bce_table") + " VALUES (1, 'Dupont SARL', 'FR', 'Machinery', 12)");
        }
    }

    /** A transformed file with the contract's columns, written by DuckDB where the local S3 would keep it. */
    void writeFile(LocalDate day, String name, String key, Long... companyIds) throws Exception {
        Path folder = transformed.resolve("dt=" + day);
        Files.createDirectories(folder);
        StringBuilder rows = new StringBuilder();
        for (Long id : companyIds) {
            rows.append(rows.length() == 0 ? "" : " UNION ALL ").append("SELECT ").append(id == null ? "NULL" : id)
                    .append("::BIGINT AS company_id");
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (var c : tables.contract.columns()) {
            select.append(c.name().equals("company_id") ? "company_id" : "CAST(NULL AS " + c.type().sql() + ") AS " + c.name())
                    .append(", ");
        }
        select.append("'").append(key).append("' AS source_key FROM (").append(rows).append(")");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + folder.resolve(name) + "' (FORMAT PARQUET)");
        }
    }

    /** The load route over this DuckDB, with its refresh (the view over the transformed files). */
    LoadRoute loader(Instant now) throws Exception {
        AppConfig config = tables.config.with(Map.of("warehouse.duckdb-files-dir", transformed.toString()));
        return LoadRoute.start(config, WarehouseDialect.DUCKDB, tables.sql, dataSource, Clock.fixed(now, ZoneOffset.UTC),
                true);
    }

    long count(String where) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return WarehouseTestTables.count(c, "SELECT COUNT(*) FROM " + tables.names.get("final_table") + " WHERE " + where);
        }
    }

    @Test
    void loadsOnlyTheNamedFileOfTheDayJoinedWithTheCompanies() throws Exception {
        writeFile(DAY, "a.parquet", "staging/a.parquet", 1L, 2L, null);
        writeFile(DAY, "b.parquet", "staging/b.parquet", 1L);
        writeFile(DAY.minusDays(1), "a.parquet", "staging/a.parquet", 1L, 1L, 1L, 1L);

        LoadResult result;
        try (LoadRoute loader = loader(Instant.parse("2022-05-02T04:00:00Z"))) {
            result = loader.loaded("staging/a.parquet", "e", DAY, 3);
        }

        assertThat(result).extracting(LoadResult::rowsLoaded, LoadResult::rowsMatched).containsExactly(3L, 1L);
        assertThat(count("company_matched AND company_name = 'Dupont SARL'")).isEqualTo(1);
        assertThat(count("file_date = DATE '2022-05-01'")).isEqualTo(3);
    }

    @Test
    void reloadingIsIdempotentAndNewFilesAppearWithoutRecreatingTheView() throws Exception {
        writeFile(DAY, "a.parquet", "staging/a.parquet", 1L, 2L);
        try (LoadRoute loader = loader(Instant.parse("2022-05-02T04:00:00Z"))) {
            loader.loaded("staging/a.parquet", "e", DAY, 2);
            writeFile(DAY, "b.parquet", "staging/b.parquet", 1L, 1L, 1L);

            loader.loaded("staging/b.parquet", "e", DAY, 3);
            loader.loaded("staging/a.parquet", "e", DAY, 2);
            loader.loaded("staging/a.parquet", "e", DAY, 2);
        }

        assertThat(count("true")).isEqualTo(5);
        assertThat(count("source_key = 'staging/b.parquet' AND company_matched")).isEqualTo(3);
        try (Connection c = dataSource.getConnection()) {
            assertThat(WarehouseTestTables.count(c, "SELECT COUNT(*) FROM " + tables.names.get("audit_table"))).isEqualTo(2);
        }
    }

    @Test
    void aLoadFailingAfterItsInsertCommitsNothing() throws Exception {
        writeFile(DAY, "a.parquet", "staging/a.parquet", 1L, 2L, null);
        try (LoadRoute loader = loader(Instant.parse("2022-05-02T04:00:00Z"))) {
            loader.loaded("staging/a.parquet", "first", DAY, 3);
        }

        // the transform claims 5 rows: the count check fails after the delete and the insert have run
        Exchange failed;
        try (LoadRoute loader = loader(Instant.parse("2022-05-02T05:00:00Z"))) {
            failed = loader.load("staging/a.parquet", "second", DAY, 5);
        }

        assertThat(failed.getException()).hasMessageContaining("inconsistent");
        assertThat(count("true")).as("the delete rolled back").isEqualTo(3);
        assertThat(count("source_etag = 'second'")).as("the insert rolled back").isZero();
        try (Connection c = dataSource.getConnection()) {
            assertThat(WarehouseTestTables.count(c, "SELECT COUNT(*) FROM " + tables.names.get("audit_table")
                    + " WHERE source_etag = 'first'")).isEqualTo(1);
        }
    }
}
