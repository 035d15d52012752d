package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import com.europages.loadbce.transform.SpectrumDdl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Redshift DDL of the whole load, in the order a DBA runs it: the Spectrum external schema (Glue catalog, IAM
 * role), the external table of the contract, the schemas of the other tables, then the BCE, final and audit tables
 * of ddl-redshift.sql with the configured names. Printed only; the service never runs DDL on Redshift.
 */
public final class RedshiftDdl {

    private static final Pattern IAM_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");

    private RedshiftDdl() {
    }

    public static String script(AppConfig config, ColumnContract contract) {
        String externalSchema = SqlIdentifiers.name(config.get("warehouse.external-schema"), "warehouse.external-schema");
        String database = SqlIdentifiers.name(config.get("warehouse.spectrum-database"), "warehouse.spectrum-database");
        String role = config.get("warehouse.spectrum-iam-role");
        if (!IAM_ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("warehouse.spectrum-iam-role must be an IAM role ARN, got '" + role + "'");
        }
        WarehouseNames names = WarehouseNames.from(config, contract);
        SqlTemplates sql = new SqlTemplates(config.getPath("warehouse.sql-dir"), names.placeholders());
        List<String> statements = new ArrayList<>();
        statements.add("CREATE EXTERNAL SCHEMA IF NOT EXISTS " + externalSchema + "\n"
                + "FROM DATA CATALOG DATABASE " + SqlIdentifiers.literal(database) + "\n"
                + "IAM_ROLE " + SqlIdentifiers.literal(role) + "\n"
                + "CREATE EXTERNAL DATABASE IF NOT EXISTS;");
        statements.add(SpectrumDdl.createExternalTable(contract, externalSchema, config.get("warehouse.external-table"),
                config.get("warehouse.external-location")));
        Set<String> schemas = new LinkedHashSet<>(names.schemas());
        // the external schema is created above, from the catalog; a CREATE SCHEMA of that name would clash
        schemas.remove(externalSchema);
        for (String schema : schemas) {
            statements.add("CREATE SCHEMA IF NOT EXISTS " + schema + ";");
        }
        for (String statement : SqlTemplates.statements(sql.sql("ddl-redshift.sql"))) {
            statements.add(statement + ";");
        }
        return String.join("\n\n", statements);
    }
}
