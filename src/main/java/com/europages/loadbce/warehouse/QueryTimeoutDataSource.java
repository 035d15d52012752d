package com.europages.loadbce.warehouse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Gives every statement of its connections a JDBC query timeout, whoever creates the statement (the loader, a
 * camel-jdbc endpoint, a transaction manager): the driver cancels a statement that runs longer. For DuckDB, which
 * has no server-side statement_timeout; a caller may still set a shorter timeout on its own statement.
 */
final class QueryTimeoutDataSource extends ConnectionSource {

    private final DataSource delegate;
    private final int seconds;

    QueryTimeoutDataSource(DataSource delegate, int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("query timeout must be at least 1 s, got " + seconds);
        }
        this.delegate = delegate;
        this.seconds = seconds;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement statement) {
                        statement.setQueryTimeout(seconds);
                    }
                    return result;
                });
    }

    @Override
    public String toString() {
        return "QueryTimeoutDataSource[" + seconds + " s over " + delegate + "]";
    }
}
