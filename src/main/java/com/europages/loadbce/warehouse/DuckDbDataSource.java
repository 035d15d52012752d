package com.europages.loadbce.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/** The local warehouse: one DuckDB database file opened once; every connection is a duplicate of the first. */
public final class DuckDbDataSource extends ConnectionSource implements AutoCloseable {

    /** DuckDB's own row group size; larger values are refused. */
    public static final int MAX_ROW_GROUP_SIZE = 122_880;
    private static final String ALIAS = "warehouse";
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.+?) \\(PID (\\d+)\\)");

    private final Path file;
    private final DuckDBConnection root;
    /**
     * Connections handed out and maybe still open: closed with the data source, as an open one keeps the database, and
     * the lock on its file, alive in this process (the pool's background adder can make one as the pool closes, and
     * never take it).
     */
    private final Queue<Connection> handedOut = new ConcurrentLinkedQueue<>();

    /** A database of DuckDB's default row group size. */
    public DuckDbDataSource(Path file) throws SQLException {
        this(file, MAX_ROW_GROUP_SIZE, 0);
    }

    /**
     * @param rowGroupSize rows per row group of new data. DuckDB writes an insert of at least one row group straight
     *                     to the database file, compressed, instead of into the write-ahead log that each checkpoint
     *                     rewrites: a row group smaller than a file's rows keeps a load's rows out of the log (see
     *                     docs/performance.md).
     * @param threads      DuckDB's worker threads for all connections; 0: DuckDB's default (the machine's cores)
     */
    public DuckDbDataSource(Path file, int rowGroupSize, int threads) throws SQLException {
        if (rowGroupSize < 2048 || rowGroupSize > MAX_ROW_GROUP_SIZE || rowGroupSize % 2048 != 0) {
            throw new IllegalArgumentException("warehouse.duckdb-row-group-size must be a multiple of 2048, at most "
                    + MAX_ROW_GROUP_SIZE + ", got " + rowGroupSize);
        }
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot create the folder of " + file, e);
        }
        // one database instance per file and process: DuckDB allows a single writer process. The row group size is
        // an ATTACH option, so the file is attached to an in-memory root instead of opened by the URL.
        this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = root.createStatement()) {
            try {
                s.execute("ATTACH " + SqlIdentifiers.literal(this.file.toString()) + " AS " + ALIAS
                        + " (ROW_GROUP_SIZE " + rowGroupSize + ")");
            } catch (SQLException e) {
                throw lockedByAnotherProcess(e);
            }
            s.execute("USE " + ALIAS);
            // as when the file is opened by the URL: spills next to the file, not in the working folder
            s.execute("SET temp_directory = " + SqlIdentifiers.literal(this.file + ".tmp"));
            // The load joins one file's events (filtered from the external-table view) with the BCE table. DuckDB
            // estimates the filtered view smaller than the BCE table and builds its hash table on the events: all
            // their columns copied into it, ~50 ms more per 35k-row load. As written, the LEFT JOIN builds on BCE.
            s.execute("SET disabled_optimizers = 'build_side_probe_side'");
            // An insert's full row groups are compressed and written while it runs, not buffered (5 by default) for
            // the commit, which DuckDB runs one transaction at a time: a 35k-row load's commit took ~115 ms of
            // compression that the other consumers' commits waited behind; now ~17 ms, the insert as much longer.
            s.execute("SET write_buffer_row_group_count = 1");
            if (threads > 0) {
                s.execute("SET threads = " + threads);
            }
        } catch (SQLException e) {
            root.close();
            throw e;
        }
    }

    /** DuckDB's "Could not set lock" error said in one line: which file, which process holds it when DuckDB says. */
    private SQLException lockedByAnotherProcess(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("Could not set lock on file")) {
            return e;
        }
        Matcher holder = LOCK_HOLDER.matcher(message);
        String who = holder.find() ? " (" + holder.group(1) + ", PID " + holder.group(2) + ")" : "";
        return new SQLException("Warehouse file " + file + " is in use by another process" + who
                + ": DuckDB allows one process per file; stop that process, or give this one another app.data-dir "
                + "or warehouse.url", e.getSQLState(), e);
    }

    public Path file() {
        return file;
    }

    @Override
    public Connection getConnection() throws SQLException {
        handedOut.removeIf(DuckDbDataSource::isClosed);
        Connection c = root.duplicate();
        handedOut.add(c);
        // the default database is a setting of each connection
        try (Statement s = c.createStatement()) {
            s.execute("USE " + ALIAS);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : handedOut) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing it was only to release the file; the root's close below reports what matters
            }
        }
        handedOut.clear();
        root.close();
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
