package com.europages.loadbce.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A new connection per call through the JDBC driver of the URL (Redshift in production); {@link WarehousePool} pools them. */
public final class DriverDataSource extends ConnectionSource {

    private final String url;
    private final Properties properties;

    /** @param password from the environment (WAREHOUSE_PASSWORD) or empty for IAM URLs; never logged */
    public DriverDataSource(String url, String user, String password) {
        this(url, user, password, new Properties());
    }

    /** @param driverProperties more connection properties (timeouts) */
    public DriverDataSource(String url, String user, String password, Properties driverProperties) {
        this.url = url;
        this.properties = new Properties();
        this.properties.putAll(driverProperties);
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return "DriverDataSource[" + url + "]";
    }
}
