package com.europages.loadbce.faults;

import com.europages.loadbce.warehouse.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/** The warehouse as the service sees it, with an outage switch: while down no connection can be had. */
final class SwitchableDataSource extends ConnectionSource {

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
}
