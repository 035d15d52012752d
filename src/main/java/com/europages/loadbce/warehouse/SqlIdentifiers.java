package com.europages.loadbce.warehouse;

import java.util.regex.Pattern;

/** Checks table and column names from configuration before they are written into SQL (values are always bound). */
public final class SqlIdentifiers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,126}");
    private static final Pattern QUALIFIED = Pattern.compile(NAME.pattern() + "(\\." + NAME.pattern() + ")?");

    private SqlIdentifiers() {
    }

    /** A plain name: letters, digits and '_', not starting with a digit. */
    public static String name(String value, String setting) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be a plain SQL identifier, got '" + value + "'");
        }
        return value;
    }

    /** A name optionally qualified by a schema: {@code schema.table}. */
    public static String qualified(String value, String setting) {
        if (value == null || !QUALIFIED.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be an SQL identifier or schema.identifier, got '"
                    + value + "'");
        }
        return value;
    }

    /** The schema of a qualified name, or null. */
    public static String schemaOf(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? null : qualified.substring(0, dot);
    }

    /**
     * A string literal for the few DDL statements that accept no bind parameters (Redshift ADD PARTITION, DuckDB
     * view over files). Only for values this service builds and has checked; quotes are doubled all the same.
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("control character in SQL literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
