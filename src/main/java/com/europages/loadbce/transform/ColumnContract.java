package com.europages.loadbce.transform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The target table of the transform, read from the YAML contract beside the routes (see docs/transform.md, "The column contract"). */
public final class ColumnContract {

    /** The lineage column the transformer appends: the S3 key of the source file. */
    public static final String SOURCE_KEY_COLUMN = "source_key";
    public static final TargetType SOURCE_KEY_TYPE = TargetType.varchar(1024);

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z_][a-z0-9_]{0,126}");
    private static final Set<String> TABLE_KEYS = Set.of("table", "description", "max_unconvertible_ratio",
            "varchar_overflow", "invalid_utf8", "missing_column", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "source", "type", "fill", "delimiter", "missing",
            "description");

    private final String table;
    private final double maxUnconvertibleRatio;
    private final OverflowPolicy overflow;
    private final InvalidUtf8Policy invalidUtf8;
    private final List<ContractColumn> columns;
    private final Set<String> filledWhenMissing;

    public ColumnContract(String table, double maxUnconvertibleRatio, OverflowPolicy overflow,
                          InvalidUtf8Policy invalidUtf8, List<ContractColumn> columns) {
        this(table, maxUnconvertibleRatio, overflow, invalidUtf8, columns, Set.of());
    }

    /** @param filledWhenMissing names of the columns that take their fill when a file lacks their source */
    public ColumnContract(String table, double maxUnconvertibleRatio, OverflowPolicy overflow,
                          InvalidUtf8Policy invalidUtf8, List<ContractColumn> columns, Set<String> filledWhenMissing) {
        this.table = table;
        this.maxUnconvertibleRatio = maxUnconvertibleRatio;
        this.overflow = overflow;
        this.invalidUtf8 = invalidUtf8;
        this.columns = List.copyOf(columns);
        this.filledWhenMissing = Set.copyOf(filledWhenMissing);
    }

    /** Reads and validates a contract file; any problem is a {@link ContractException} naming the file and line. */
    public static ColumnContract load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ContractException("Cannot read column contract " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static ColumnContract parse(String yaml, String origin) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        List<Integer> lines;
        try {
            root = mapper.readTree(yaml);
            lines = columnLines(mapper, yaml);
        } catch (JsonProcessingException e) {
            throw new ContractException(origin + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new ContractException(origin + ": expected a mapping with 'columns'");
        }
        checkKeys(root, TABLE_KEYS, origin + ": ");
        String table = root.path("table").asText("dataflow_events");
        double ratio = root.path("max_unconvertible_ratio").asDouble(0.01);
        if (ratio < 0 || ratio > 1) {
            throw new ContractException(origin + ": max_unconvertible_ratio must be between 0 and 1, got " + ratio);
        }
        String policy = root.path("varchar_overflow").asText("truncate").toUpperCase(Locale.ROOT);
        OverflowPolicy overflow;
        try {
            overflow = OverflowPolicy.valueOf(policy);
        } catch (IllegalArgumentException e) {
            throw new ContractException(origin + ": varchar_overflow must be truncate or error, got '" + policy + "'");
        }
        String utf8 = root.path("invalid_utf8").asText("replace").toUpperCase(Locale.ROOT);
        InvalidUtf8Policy invalidUtf8;
        try {
            invalidUtf8 = InvalidUtf8Policy.valueOf(utf8);
        } catch (IllegalArgumentException e) {
            throw new ContractException(origin + ": invalid_utf8 must be replace, unconvertible or fail, got '"
                    + utf8.toLowerCase(Locale.ROOT) + "'");
        }
        boolean fillByDefault = missingPolicy(root.path("missing_column"), origin + ": missing_column");
        Set<String> filledWhenMissing = new HashSet<>();
        JsonNode list = root.get("columns");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ContractException(origin + ": 'columns' must be a non-empty list");
        }
        List<ContractColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of(SOURCE_KEY_COLUMN));
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String where = origin + " line " + (i < lines.size() ? lines.get(i) : "?") + " (column " + (i + 1) + ")";
            if (!c.isObject()) {
                throw new ContractException(where + ": each column must be a mapping with name, source and type");
            }
            checkKeys(c, COLUMN_KEYS, where + ": ");
            String name = required(c, "name", where);
            where = where.substring(0, where.length() - 1) + " '" + name + "')";
            if (!SNAKE_CASE.matcher(name).matches()) {
                throw new ContractException(where + ": name must be snake_case ([a-z_][a-z0-9_]*)");
            }
            if (!names.add(name)) {
                throw new ContractException(where + ": duplicate column name '" + name + "'"
                        + (name.equals(SOURCE_KEY_COLUMN) ? " (reserved for the lineage column)" : ""));
            }
            String source = c.hasNonNull("source") ? c.get("source").asText() : name;
            try {
                TargetType type = TargetType.parse(required(c, "type", where));
                String delimiter = c.hasNonNull("delimiter") ? c.get("delimiter").asText() : null;
                if (delimiter != null && type.kind() != TargetType.Kind.VARCHAR) {
                    throw new IllegalArgumentException("a delimiter (array source) needs a varchar target");
                }
                String fill = c.hasNonNull("fill") ? c.get("fill").asText() : null;
                columns.add(ContractColumn.of(name, source, type, fill, delimiter));
                if (c.has("missing") ? missingPolicy(c.get("missing"), where + ": missing") : fillByDefault) {
                    filledWhenMissing.add(name);
                }
            } catch (IllegalArgumentException e) {
                throw new ContractException(where + ": " + e.getMessage());
            }
        }
        return new ColumnContract(table, ratio, overflow, invalidUtf8, columns, filledWhenMissing);
    }

    /** fail (the default: a file without the column's source fails) or fill (the column takes its fill value). */
    private static boolean missingPolicy(JsonNode value, String where) {
        String v = value.isMissingNode() || value.isNull() ? "fail" : value.asText().trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "fail" -> false;
            case "fill" -> true;
            default -> throw new ContractException(where + " must be fail or fill, got '" + v + "'");
        };
    }

    private static String required(JsonNode c, String key, String where) {
        JsonNode v = c.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new ContractException(where + ": '" + key + "' is required");
        }
        return v.asText().trim();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ContractException(where + "unknown key '" + k + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    /** Line numbers of the entries of the top-level 'columns' list, for error messages. */
    private static List<Integer> columnLines(ObjectMapper mapper, String yaml) throws JsonProcessingException {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = mapper.getFactory().createParser(yaml)) {
            int depth = 0;
            boolean inColumns = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && depth == 1) {
                    inColumns = "columns".equals(p.currentName());
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (inColumns && depth == 2) {
                        lines.add(p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (inColumns && depth == 2) {
                    lines.add(p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    public String table() {
        return table;
    }

    public double maxUnconvertibleRatio() {
        return maxUnconvertibleRatio;
    }

    public OverflowPolicy overflow() {
        return overflow;
    }

    /** What a varchar value that is not valid UTF-8 becomes (contract key invalid_utf8, default replace). */
    public InvalidUtf8Policy invalidUtf8() {
        return invalidUtf8;
    }

    /** The contract's columns, without the lineage column. */
    public List<ContractColumn> columns() {
        return columns;
    }

    /** A copy with other table-level settings (from application.properties). */
    public ColumnContract with(double ratio, OverflowPolicy policy) {
        return new ColumnContract(table, ratio, policy, invalidUtf8, columns, filledWhenMissing);
    }

    /** A copy with {@code extra} columns after the contract's own. */
    public ColumnContract withColumns(List<ContractColumn> extra) {
        List<ContractColumn> all = new ArrayList<>(columns);
        all.addAll(extra);
        return new ColumnContract(table, maxUnconvertibleRatio, overflow, invalidUtf8, all, filledWhenMissing);
    }

    /** True when a file without this column's source is loaded with the column's fill value instead of failing. */
    public boolean fillsWhenMissing(ContractColumn column) {
        return filledWhenMissing.contains(column.name());
    }
}
