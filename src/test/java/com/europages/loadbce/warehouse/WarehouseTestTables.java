package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.ContractColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** The project's real warehouse names and SQL files, and helpers to fill the tables the load reads. */
final class WarehouseTestTables {

    final AppConfig config;
    final ColumnContract contract;
    final WarehouseNames names;
    final SqlTemplates sql;

    WarehouseTestTables(Map<String, String> overrides) {
        config = AppConfig.load(Path.of("."), Map.of(), new Properties()).with(overrides);
        contract = ColumnContract.load(config.getPath("transform.contract"));
        names = WarehouseNames.from(config, contract);
        sql = new SqlTemplates(config.getPath("warehouse.sql-dir"), names.placeholders());
    }

    /** Column definitions of the external table: the contract's columns, then source_key (the file carries it). */
    String externalColumnsDdl() {
        return contract.columns().stream().map(c -> c.name() + " " + c.type().sql())
                .collect(Collectors.joining(", ")) + ", source_key varchar(1024)";
    }

    /** Schemas, the BCE, final and audit tables, with the portable bootstrap DDL. */
    void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String schema : names.schemas()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            for (String statement : SqlTemplates.statements(sql.sql("bootstrap-duckdb.sql"))) {
                s.execute(statement);
            }
        }
    }

    static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static ContractColumn column(ColumnContract contract, String name) {
        return contract.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
