package com.europages.loadbce.transform;

import com.europages.loadbce.transform.TargetType.Kind;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The transform written as DuckDB SQL, column by column with the semantics of {@link ColumnTransform}: the oracle of
 * the tests and the competitor of the benchmark. Casts are guarded with the same regular expressions as
 * {@link TextValues}, because DuckDB's own casts accept more ('1e3' or '0x1F' as integers, '12.5' rounded).
 * Values are inlined (paths, keys): this SQL is for tests and the benchmark, never for the warehouse.
 * Not expressible here: the U+FFFD repair of invalid UTF-8 (a binary source holding it fails in DuckDB's decode()
 * under invalid_utf8: replace; under unconvertible, try(decode()) gives the same result as the transformer).
 */
public final class DuckDbTransformSql {

    private DuckDbTransformSql() {
    }

    /** {@code SELECT <converted columns>, '<key>' AS source_key FROM read_parquet('<file>')}. */
    public static String select(ColumnContract contract, MessageType fileSchema, String parquetFile, String sourceKey) {
        return "SELECT " + convertedColumns(contract, fileSchema, parquetFile) + ",\n  CAST(" + literal(sourceKey)
                + " AS VARCHAR) AS " + ColumnContract.SOURCE_KEY_COLUMN + "\nFROM read_parquet(" + literal(parquetFile) + ")";
    }

    /**
     * The same over every file of a glob in one scan (files of one schema), each row's source key being
     * {@code keyPrefix} + its file name: the day benchmark's script.
     */
    public static String selectAll(ColumnContract contract, MessageType fileSchema, String glob, String keyPrefix) {
        return "SELECT " + convertedColumns(contract, fileSchema, glob) + ",\n  " + literal(keyPrefix)
                + " || parse_filename(filename) AS " + ColumnContract.SOURCE_KEY_COLUMN + "\nFROM read_parquet("
                + literal(glob) + ", filename = true)";
    }

    private static String convertedColumns(ColumnContract contract, MessageType fileSchema, String origin) {
        List<String> items = new ArrayList<>();
        for (ContractColumn c : contract.columns()) {
            Expr e = expr(c, SourceColumn.resolve(fileSchema, c.source(), origin), contract.invalidUtf8());
            items.add(e.output() + " AS " + ident(c.name()));
        }
        return String.join(",\n  ", items);
    }

    /** One row: the row count, then per contract column its replaced, unconvertible, truncated and invalid UTF-8 counts. */
    public static String counts(ColumnContract contract, MessageType fileSchema, String parquetFile) {
        List<String> items = new ArrayList<>();
        items.add("count(*) AS rows");
        for (ContractColumn c : contract.columns()) {
            SourceColumn s = SourceColumn.resolve(fileSchema, c.source(), parquetFile);
            Expr e = expr(c, s, contract.invalidUtf8());
            items.add(c.type().kind() == Kind.VARCHAR && isBlob(s) && contract.invalidUtf8() == InvalidUtf8Policy.REPLACE
                    ? "count(*) FILTER (WHERE " + ident(s.name()) + " IS NOT NULL AND try(decode(" + ident(s.name())
                    + ")) IS NULL) AS " + ident(c.name() + ".invalidUtf8")
                    : "0 AS " + ident(c.name() + ".invalidUtf8"));
            items.add("count(*) FILTER (WHERE " + e.missing + ") AS " + ident(c.name() + ".replaced"));
            items.add("count(*) FILTER (WHERE NOT (" + e.missing + ") AND (" + e.converted + ") IS NULL) AS "
                    + ident(c.name() + ".unconvertible"));
            items.add(c.type().kind() == Kind.VARCHAR
                    ? "count(*) FILTER (WHERE strlen(" + e.filled() + ") > " + c.type().length() + ") AS " + ident(c.name() + ".truncated")
                    : "0 AS " + ident(c.name() + ".truncated"));
        }
        return "SELECT " + String.join(",\n  ", items) + "\nFROM read_parquet(" + literal(parquetFile) + ")";
    }

    /** Every contract column (and source_key) cast to its DuckDB type, so files of different writers compare equal. */
    public static String typed(ColumnContract contract, String relation) {
        List<String> items = new ArrayList<>();
        for (ContractColumn c : contract.columns()) {
            items.add("CAST(" + ident(c.name()) + " AS " + duckType(c.type()) + ") AS " + ident(c.name()));
        }
        items.add("CAST(" + ColumnContract.SOURCE_KEY_COLUMN + " AS VARCHAR) AS " + ColumnContract.SOURCE_KEY_COLUMN);
        return "SELECT " + String.join(", ", items) + " FROM " + relation;
    }

    public static String duckType(TargetType t) {
        return switch (t.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case REAL -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case VARCHAR -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** The SQL of one column: when the source counts as missing, its converted value (NULL if unconvertible), the fill. */
    record Expr(String missing, String converted, String fill, TargetType type) {
        String filled() {
            return "COALESCE(" + converted + ", " + fill + ")";
        }

        String output() {
            if (type.kind() != Kind.VARCHAR) {
                return filled();
            }
            String v = filled();
            int n = type.length();
            // cut at n bytes without splitting a character: keep the longest prefix of characters that fits
            return "CASE WHEN strlen(" + v + ") <= " + n + " THEN " + v + " ELSE left(" + v + ", len(list_filter(range(1, length("
                    + v + ") + 1), lambda i: strlen(left(" + v + ", i)) <= " + n + "))) END";
        }
    }

    /** A binary column without a text annotation: DuckDB reads it as a BLOB, which decode() turns into text. */
    static boolean isBlob(SourceColumn s) {
        return s.kind() == SourceKind.STRING && s.physical() == PrimitiveTypeName.BINARY
                && s.field().getLogicalTypeAnnotation() == null;
    }

    static Expr expr(ContractColumn c, SourceColumn s, InvalidUtf8Policy invalidUtf8) {
        String column = ident(s.name());
        if (isBlob(s)) {
            // as text; invalid UTF-8 is NULL (unconvertible) or, under replace, an error: see the class comment
            return expr(c, s, column, invalidUtf8 == InvalidUtf8Policy.UNCONVERTIBLE ? "try(decode(" + column + "))"
                    : "decode(" + column + ")");
        }
        return expr(c, s, column, column);
    }

    /** {@code column} is the source column as DuckDB reads it, {@code x} its value (decoded into text for a blob). */
    private static Expr expr(ContractColumn c, SourceColumn s, String column, String x) {
        TargetType t = c.type();
        String fill = fillLiteral(c);
        String trimmed = "trim(" + x + ")";
        String missing = switch (s.kind()) {
            case FLOATING -> "(" + x + " IS NULL OR isnan(" + x + "))";
            case STRING -> t.kind() == Kind.VARCHAR ? column + " IS NULL" : "(" + column + " IS NULL OR " + trimmed + " = '')";
            default -> x + " IS NULL";
        };
        String d = "CAST(" + x + " AS DOUBLE)";
        String converted = switch (t.kind()) {
            case SMALLINT, INTEGER, BIGINT -> {
                String ty = duckType(t);
                String lo = Long.toString(t.minValue());
                String hi = Long.toString(t.maxValue());
                yield switch (s.kind()) {
                    case INTEGER, BOOLEAN -> "CASE WHEN CAST(" + x + " AS HUGEINT) BETWEEN " + lo + " AND " + hi
                            + " THEN CAST(" + x + " AS " + ty + ") END";
                    case DECIMAL -> "CASE WHEN trunc(" + x + ") BETWEEN " + lo + " AND " + hi + " THEN CAST(trunc(" + x
                            + ") AS " + ty + ") END";
                    case FLOATING -> {
                        String upper = t.kind() == Kind.BIGINT ? "9223372036854775808.0" : (t.maxValue() + 1) + ".0";
                        yield "CASE WHEN NOT isnan(" + d + ") AND trunc(" + d + ") >= " + lo + ".0 AND trunc(" + d + ") < "
                                + upper + " THEN CAST(trunc(" + d + ") AS " + ty + ") END";
                    }
                    default -> "CASE WHEN regexp_full_match(" + trimmed + ", " + literal(TextValues.INTEGER_REGEX)
                            + ") THEN CASE WHEN TRY_CAST(" + trimmed + " AS HUGEINT) BETWEEN " + lo + " AND " + hi
                            + " THEN CAST(TRY_CAST(" + trimmed + " AS HUGEINT) AS " + ty + ") END END";
                };
            }
            case REAL, DOUBLE -> {
                String ty = duckType(t);
                yield switch (s.kind()) {
                    case INTEGER, BOOLEAN -> "CAST(" + x + " AS " + ty + ")";
                    case DECIMAL -> "TRY_CAST(" + d + " AS " + ty + ")";
                    case FLOATING -> "CASE WHEN NOT isnan(" + d + ") THEN TRY_CAST(" + d + " AS " + ty + ") END";
                    default -> "CASE WHEN regexp_full_match(" + trimmed + ", " + literal(TextValues.FLOAT_REGEX)
                            + ") THEN TRY_CAST(TRY_CAST(" + trimmed + " AS DOUBLE) AS " + ty + ") END";
                };
            }
            case DECIMAL -> {
                String ty = duckType(t);
                yield switch (s.kind()) {
                    case INTEGER, DECIMAL -> "TRY_CAST(" + x + " AS " + ty + ")";
                    case FLOATING -> {
                        String scaled = "round(" + d + " * 1e" + t.scale() + ")";
                        String unit = t.scale() == 0 ? "" : " * " + "0." + "0".repeat(t.scale() - 1) + "1";
                        yield "CASE WHEN NOT isnan(" + d + ") AND abs(" + scaled + ") < 1e" + t.precision()
                                + " THEN CAST(CAST(" + scaled + " AS DECIMAL(18,0))" + unit + " AS " + ty + ") END";
                    }
                    default -> "CASE WHEN regexp_full_match(" + trimmed + ", " + literal(TextValues.DECIMAL_REGEX)
                            + ") THEN TRY_CAST(" + trimmed + " AS " + ty + ") END";
                };
            }
            case BOOLEAN -> switch (s.kind()) {
                case BOOLEAN -> x;
                case INTEGER -> "(" + x + " <> 0)";
                case FLOATING -> "CASE WHEN NOT isnan(" + d + ") THEN " + d + " <> 0 END";
                default -> "CASE WHEN lower(" + trimmed + ") IN " + words(TextValues.TRUE_WORDS) + " THEN true WHEN lower("
                        + trimmed + ") IN " + words(TextValues.FALSE_WORDS) + " THEN false END";
            };
            case VARCHAR -> switch (s.kind()) {
                case STRING -> x;
                // a list of only nulls joins to NULL in DuckDB, to '' here: both are a present, empty value
                case STRING_LIST -> "COALESCE(array_to_string(" + x + ", " + literal(c.delimiter()) + "), '')";
                default -> "CAST(" + x + " AS VARCHAR)";
            };
            case DATE -> switch (s.kind()) {
                case DATE -> inRange(x, "DATE");
                case TIMESTAMP -> "CASE WHEN " + between("CAST(" + x + " AS TIMESTAMP)", "TIMESTAMP") + " THEN CAST(CAST(" + x
                        + " AS TIMESTAMP) AS DATE) END";
                default -> inRange("CASE WHEN regexp_full_match(" + trimmed + ", " + literal(TextValues.DATE_REGEX)
                        + ") THEN TRY_CAST(" + trimmed + " AS DATE) END", "DATE");
            };
            case TIMESTAMP -> switch (s.kind()) {
                case TIMESTAMP -> inRange("CAST(" + x + " AS TIMESTAMP)", "TIMESTAMP");
                // the date is checked before the cast, which fails for dates beyond DuckDB's timestamps
                case DATE -> "CASE WHEN " + between(x, "DATE") + " THEN CAST(" + x + " AS TIMESTAMP) END";
                default -> inRange("CASE WHEN regexp_full_match(" + trimmed + ", " + literal(TextValues.TIMESTAMP_REGEX)
                        + ") THEN TRY_CAST(replace(" + trimmed + ", 'T', ' ') AS TIMESTAMP) END", "TIMESTAMP");
            };
        };
        return new Expr(missing, "CASE WHEN " + missing + " THEN NULL ELSE " + converted + " END", fill, t);
    }

    /** The loaded range of {@link Timestamps}: years 0001 to 9999. */
    private static String between(String e, String type) {
        return "(" + e + ") BETWEEN " + (type.equals("DATE") ? "DATE '0001-01-01' AND DATE '9999-12-31'"
                : "TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59.999999'");
    }

    private static String inRange(String e, String type) {
        return "CASE WHEN " + between(e, type) + " THEN " + e + " END";
    }

    static String fillLiteral(ContractColumn c) {
        TargetType t = c.type();
        return switch (t.kind()) {
            case VARCHAR -> literal(c.fillText());
            case BOOLEAN -> c.fillBoolean() ? "true" : "false";
            case DATE -> "DATE " + literal(c.fillText());
            case TIMESTAMP -> "TIMESTAMP " + literal(c.fillText());
            default -> "CAST(" + literal(c.fillText()) + " AS " + duckType(t) + ")";
        };
    }

    private static String words(String[] words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(literal(w));
        }
        return "(" + String.join(", ", quoted) + ")";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
