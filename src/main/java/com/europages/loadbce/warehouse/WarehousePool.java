package com.europages.loadbce.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The warehouse's connections, from a HikariCP pool bounded by {@link WarehouseTimeouts}: a caller waits at most the
 * connect timeout for a connection, a borrowed idle connection is checked within the validation timeout, and a
 * statement that runs past the statement timeout is cancelled (its transaction then rolls back by its caller).
 */
public final class WarehousePool {

    private WarehousePool() {
    }

    /**
     * Redshift through its JDBC driver: connect and socket timeouts are driver properties, so a server that accepts
     * and then stays silent fails the call; the statement timeout is Redshift's own {@code statement_timeout}, set on
     * every new connection, which also counts the time a statement waits in a WLM queue or for a lock.
     */
    public static HikariDataSource redshift(String url, String user, String password, WarehouseTimeouts timeouts,
                                            int poolSize) {
        Properties driver = new Properties();
        driver.setProperty("loginTimeout", Integer.toString(timeouts.connectSeconds()));
        driver.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        driver.setProperty("socketTimeout", Integer.toString(timeouts.socketSeconds()));
        driver.setProperty("tcpKeepAlive", "true");
        HikariConfig config = common(new DriverDataSource(url, user, password, driver), timeouts, poolSize);
        config.setConnectionInitSql("SET statement_timeout TO " + timeouts.statementSeconds() * 1000L);
        // the driver's isValid(seconds) does not keep to its seconds on a silent server (WarehouseStallFaultTest):
        // a test query is bounded by the pool's network timeout (the validation timeout) instead
        config.setConnectionTestQuery("SELECT 1");
        return new HikariDataSource(config);
    }

    /**
     * The local DuckDB file: no network, so only the wait for a pooled connection and the statement timeout apply;
     * DuckDB has no statement_timeout setting, so each statement gets a JDBC query timeout, which interrupts it.
     */
    public static HikariDataSource duckDb(DuckDbDataSource duckDb, WarehouseTimeouts timeouts, int poolSize) {
        return new HikariDataSource(common(new QueryTimeoutDataSource(duckDb, timeouts.statementSeconds()), timeouts,
                poolSize));
    }

    private static HikariConfig common(DataSource connections, WarehouseTimeouts timeouts, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warehouse");
        config.setDataSource(connections);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(timeouts.connectSeconds() * 1000L);
        config.setValidationTimeout(timeouts.validationSeconds() * 1000L);
        // the service starts while the warehouse is down (readiness reports it); connections are made when needed
        config.setInitializationFailTimeout(-1);
        return config;
    }
}
