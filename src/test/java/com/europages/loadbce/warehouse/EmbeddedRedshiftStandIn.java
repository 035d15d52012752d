package com.europages.loadbce.warehouse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Redshift stand-in for tests: embedded PostgreSQL 15+ (MERGE) reached only through the real Redshift JDBC driver. */
public final class EmbeddedRedshiftStandIn implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final RedshiftStartupProxy proxy;
    // called directly rather than through DriverManager so a PostgreSQL driver on the classpath can never answer instead
    private final Driver driver = new com.amazon.redshift.Driver();

    private EmbeddedRedshiftStandIn(EmbeddedPostgres postgres, RedshiftStartupProxy proxy) {
        this.postgres = postgres;
        this.proxy = proxy;
    }

    /** Starts PostgreSQL and the proxy in front of it; a few seconds, so share one instance (see {@link EmbeddedRedshiftExtension}). */
    public static EmbeddedRedshiftStandIn start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try {
            return new EmbeddedRedshiftStandIn(postgres, RedshiftStartupProxy.start(postgres.getPort()));
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres";
    }

    /** A fresh copy each call, so callers may add their own properties. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        // no password: embedded PostgreSQL trusts loopback connections
        // PostgreSQL here has no certificate; the driver's default would abort the connect
        properties.setProperty("ssl", "false");
        return properties;
    }

    /** Opens a new connection through {@code com.amazon.redshift.Driver}; the caller closes it. */
    public Connection open() throws SQLException {
        Connection connection = driver.connect(jdbcUrl(), connectionProperties());
        if (connection == null) {
            throw new SQLException("Redshift driver refused URL " + jdbcUrl());
        }
        return connection;
    }

    public RedshiftStartupProxy proxy() {
        return proxy;
    }

    /** The PostgreSQL port behind the proxy, for tests that put a proxy of their own in front. */
    public int postgresPort() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.close();
        } finally {
            postgres.close();
        }
    }
}
