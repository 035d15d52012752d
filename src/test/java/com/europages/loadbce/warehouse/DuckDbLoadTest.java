package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local dialect: the external table is a DuckDB view over Parquet files laid out as the local S3 stores them
 * (transformed/dt=YYYY-MM-DD/name.parquet); the same load SQL joins and replaces per file.
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

    WarehouseLoader loader(Instant now) {
        return new WarehouseLoader(dataSource, WarehouseDialect.DUCKDB, tables.sql, transformed.toString(), "staging/",
                Clock.fixed(now, ZoneOffset.UTC));
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

        LoadResult result = loader(Instant.parse("2022-05-02T04:00:00Z"))
                .load(new LoadRequest("staging/a.parquet", "e", DAY, 3, 3, 0, 0, 1));

        assertThat(result).extracting(LoadResult::rowsLoaded, LoadResult::rowsMatched).containsExactly(3L, 1L);
        assertThat(count("company_matched AND company_name = 'Dupont SARL'")).isEqualTo(1);
        assertThat(count("file_date = DATE '2022-05-01'")).isEqualTo(3);
    }

    @Test
    void reloadingIsIdempotentAndNewFilesAppearWithoutRecreatingTheView() throws Exception {
        writeFile(DAY, "a.parquet", "staging/a.parquet", 1L, 2L);
        WarehouseLoader loader = loader(Instant.parse("2022-05-02T04:00:00Z"));
        loader.load(new LoadRequest("staging/a.parquet", "e", DAY, 2, 2, 0, 0, 1));
        writeFile(DAY, "b.parquet", "staging/b.parquet", 1L, 1L, 1L);

        loader.load(new LoadRequest("staging/b.parquet", "e", DAY, 3, 3, 0, 0, 1));
        loader.load(new LoadRequest("staging/a.parquet", "e", DAY, 2, 2, 0, 0, 1));
        loader.load(new LoadRequest("staging/a.parquet", "e", DAY, 2, 2, 0, 0, 1));

        assertThat(count("true")).isEqualTo(5);
        assertThat(count("source_key = 'staging/b.parquet' AND company_matched")).isEqualTo(3);
        try (Connection c = dataSource.getConnection()) {
            assertThat(WarehouseTestTables.count(c, "SELECT COUNT(*) FROM " + tables.names.get("audit_table"))).isEqualTo(2);
        }
    }
}
