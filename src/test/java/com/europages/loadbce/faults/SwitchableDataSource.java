package com.europages.loadbce.faults;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The warehouse as the service sees it, with an outage switch: while down no connection can be had. */
final class SwitchableDataSource implements DataSource {

    private final DataSource delegate;
    private volatile boolean up = true;

    SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void setUp(boolean value) {
        up = value;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!up) {
            throw new SQLTransientConnectionException("warehouse unreachable (injected outage)");
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
