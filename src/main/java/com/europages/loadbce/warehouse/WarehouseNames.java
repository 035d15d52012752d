package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.ContractColumn;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The checked table and column names the SQL files refer to as ${placeholders}, from configuration and the contract. */
public final class WarehouseNames {

    /** Columns the load adds to the contract's: the BCE company attributes and the lineage of each row. */
    static final List<String[]> ADDED_COLUMNS = List.of(
            new String[] {"company_name", "varchar(255)"},
            new String[] {"company_country", "varchar(2)"},
            new String[] {"company_sector", "varchar(100)"},
            new String[] {"company_employees", "integer"},
            new String[] {"company_matched", "boolean"},
            new String[] {"source_key", "varchar(1024)"},
            new String[] {"source_etag", "varchar(100)"},
            new String[] {"file_date", "date"},
            new String[] {"loaded_at", "timestamp"});

    private final Map<String, String> placeholders;
    private final Set<String> schemas;

    private WarehouseNames(Map<String, String> placeholders, Set<String> schemas) {
        this.placeholders = placeholders;
        this.schemas = schemas;
    }

    public static WarehouseNames from(AppConfig config, ColumnContract contract) {
        Map<String, String> p = new LinkedHashMap<>();
        String externalSchema = SqlIdentifiers.name(config.get("warehouse.external-schema"), "warehouse.external-schema");
        String externalTable = SqlIdentifiers.name(config.get("warehouse.external-table"), "warehouse.external-table");
        p.put("external_table", externalSchema + "." + externalTable);
        p.put("final_table", SqlIdentifiers.qualified(config.get("warehouse.final-table"), "warehouse.final-table"));
        p.put("audit_table", SqlIdentifiers.qualified(config.get("warehouse.audit-table"), "warehouse.audit-table"));
        p.put("rejected_table", SqlIdentifiers.qualified(config.get("warehouse.rejected-table"), "warehouse.rejected-table"));
        p.put("bce_table", SqlIdentifiers.qualified(config.get("warehouse.bce-table"), "warehouse.bce-table"));
        List<String> columns = contract.columns().stream()
                .map(c -> SqlIdentifiers.name(c.name(), "contract column")).toList();
        p.put("event_columns", String.join(", ", columns));
        p.put("event_columns_e", columns.stream().map(c -> "e." + c).collect(Collectors.joining(", ")));
        StringBuilder ddl = new StringBuilder();
        for (ContractColumn c : contract.columns()) {
            ddl.append("    ").append(c.name()).append(' ').append(c.type().sql()).append(",\n");
        }
        for (String[] c : ADDED_COLUMNS) {
            ddl.append("    ").append(c[0]).append(' ').append(c[1]).append(",\n");
        }
        p.put("final_columns_ddl", ddl.substring(0, ddl.length() - 2));
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(externalSchema);
        for (String key : List.of("final_table", "audit_table", "rejected_table", "bce_table")) {
            String schema = SqlIdentifiers.schemaOf(p.get(key));
            if (schema != null) {
                schemas.add(schema);
            }
        }
        return new WarehouseNames(Map.copyOf(p), schemas);
    }

    public Map<String, String> placeholders() {
        return placeholders;
    }

    public String get(String placeholder) {
        return placeholders.get(placeholder);
    }

    /** Schemas named by the tables, created by the local bootstrap. */
    public Set<String> schemas() {
        return schemas;
    }
}
