package com.europages.loadbce.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** The local warehouse: one DuckDB database file opened once; every connection is a duplicate of the first. */
public final class DuckDbDataSource extends ConnectionSource implements AutoCloseable {

    private final Path file;
    private final DuckDBConnection root;

    public DuckDbDataSource(Path file) throws SQLException {
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot create the folder of " + file, e);
        }
        // one database instance per file and process: DuckDB allows a single writer process
        this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + this.file);
    }

    public Path file() {
        return file;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return root.duplicate();
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
