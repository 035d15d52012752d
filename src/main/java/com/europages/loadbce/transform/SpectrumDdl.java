package com.europages.loadbce.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Redshift Spectrum {@code CREATE EXTERNAL TABLE} of the contract: the same columns and types the transformer
 * writes, source_key last, partitioned by {@code dt date} (the S3 path holds dt=YYYY-MM-DD; Spectrum documents date
 * partition columns and a date lets the load SQL compare days without casts).
 */
public final class SpectrumDdl {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,126}");

    private SpectrumDdl() {
    }

    public static String createExternalTable(ColumnContract contract, String schema, String table, String location) {
        check(schema, "warehouse.external-schema");
        check(table, "warehouse.external-table");
        // not only s3:// URLs: the local profile points the same key at a folder of the local S3 store
        if (location.isBlank() || location.contains("'")) {
            throw new IllegalArgumentException("warehouse.external-location must be a location without quotes, got '"
                    + location + "'");
        }
        List<String> columns = new ArrayList<>();
        for (ContractColumn c : contract.columns()) {
            columns.add("  " + c.name() + " " + c.type().sql());
        }
        columns.add("  " + ColumnContract.SOURCE_KEY_COLUMN + " " + ColumnContract.SOURCE_KEY_TYPE.sql());
        return "CREATE EXTERNAL TABLE " + schema + "." + table + " (\n" + String.join(",\n", columns) + "\n)\n"
                + "PARTITIONED BY (dt date)\n"
                + "STORED AS PARQUET\n"
                + "LOCATION '" + (location.endsWith("/") ? location : location + "/") + "';";
    }

    private static void check(String identifier, String key) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException(key + " must be a lower-case SQL identifier, got '" + identifier + "'");
        }
    }
}
