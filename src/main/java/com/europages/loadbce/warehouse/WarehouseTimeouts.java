package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;

/**
 * How long the warehouse may keep a caller waiting (warehouse.*-timeout-s): for a connection, for a connection's
 * validation, in silence on a connection's socket, and for one statement.
 */
public record WarehouseTimeouts(int connectSeconds, int validationSeconds, int socketSeconds, int statementSeconds) {

    public static WarehouseTimeouts from(AppConfig config) {
        return new WarehouseTimeouts(config.getInt("warehouse.connect-timeout-s"),
                config.getInt("warehouse.validation-timeout-s"), config.getInt("warehouse.socket-timeout-s"),
                config.getInt("warehouse.statement-timeout-s"));
    }
}
