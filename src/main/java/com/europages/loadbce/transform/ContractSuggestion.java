package com.europages.loadbce.transform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Contract lines for the columns of a Parquet file that the contract does not read yet: the target type from the
 * Parquet type, a varchar's length from the longest value in the file rounded up, a list joined with ','.
 */
public final class ContractSuggestion {

    private static final int[] VARCHAR_STEPS = {16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768,
        TargetType.MAX_VARCHAR};
    /** A text column without any value: room for what a web-analytics property usually holds. */
    private static final int EMPTY_VARCHAR = 256;

    private ContractSuggestion() {
    }

    /** One line per new column, as the contract's `columns:` list writes them; a comment for a type we cannot read. */
    public static List<String> suggest(ColumnContract contract, Path file) throws IOException {
        Set<String> read = new HashSet<>();
        Set<String> names = new HashSet<>(Set.of(ColumnContract.SOURCE_KEY_COLUMN));
        contract.columns().forEach(c -> {
            read.add(c.source());
            names.add(c.name());
        });
        String label = file.toString();
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(PageCodecs.INSTANCE).build();
        List<String> lines = new ArrayList<>();
        try (ParquetFileReader reader = ParquetTransformer.openSource(file, options, label)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            for (Type field : schema.getFields()) {
                if (read.contains(field.getName())) {
                    continue;
                }
                String name = uniqueName(snakeCase(field.getName()), names);
                SourceColumn source;
                try {
                    source = SourceColumn.resolve(schema, field.getName(), label);
                } catch (TransformException e) {
                    lines.add("  # " + field.getName() + ": " + e.getMessage());
                    continue;
                }
                String type = switch (source.kind()) {
                    case STRING, STRING_LIST -> "varchar(" + varcharLength(reader, source, createdBy, label) + ")";
                    default -> targetType(source);
                };
                lines.add("  - {name: " + name + (name.equals(field.getName()) ? "" : ", source: " + field.getName())
                        + ", type: " + type + (source.kind() == SourceKind.STRING_LIST ? ", delimiter: ','" : "")
                        + "}");
            }
        }
        return lines;
    }

    /** The contract type that holds every value of a non-text source. */
    static String targetType(SourceColumn s) {
        LogicalTypeAnnotation a = s.field().asPrimitiveType().getLogicalTypeAnnotation();
        return switch (s.kind()) {
            case BOOLEAN -> "boolean";
            case INTEGER -> {
                if (a instanceof IntLogicalTypeAnnotation i) {
                    // bits the values need as a signed number: an unsigned one needs one more
                    int bits = i.getBitWidth() + (i.isSigned() ? 0 : 1);
                    // UINT_64 above 2^63 will count as unconvertible in a bigint
                    yield bits <= 16 ? "smallint" : bits <= 32 ? "integer" : "bigint";
                }
                yield s.physical() == PrimitiveTypeName.INT32 ? "integer" : "bigint";
            }
            case DECIMAL -> {
                DecimalLogicalTypeAnnotation d = (DecimalLogicalTypeAnnotation) a;
                int p = Math.min(d.getPrecision(), TargetType.MAX_DECIMAL_PRECISION);
                // quoted: in the contract's flow mappings a bare comma would end the value
                yield "\"decimal(" + p + "," + Math.min(d.getScale(), p) + ")\"";
            }
            case FLOATING -> s.physical() == PrimitiveTypeName.DOUBLE ? "double precision" : "real";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            default -> throw new IllegalArgumentException("not a scalar source: " + s.kind());
        };
    }

    /** The longest value in bytes (a list: joined with ','), rounded up to the next step. */
    private static int varcharLength(ParquetFileReader reader, SourceColumn source, String createdBy, String label) {
        int longest = 0;
        for (int g = 0; g < reader.getRowGroups().size(); g++) {
            long rows = reader.getRowGroups().get(g).getRowCount();
            if (rows == 0) {
                continue;
            }
            SourceCursor cursor = ParquetTransformer.openColumn(reader, g, rows, source, ",", false, createdBy, label);
            for (long r = 0; r < rows; r++) {
                cursor.next();
                if (!cursor.isNull) {
                    longest = Math.max(longest, cursor.binaryValue.length());
                }
            }
        }
        if (longest == 0) {
            return EMPTY_VARCHAR;
        }
        for (int step : VARCHAR_STEPS) {
            if (longest <= step) {
                return step;
            }
        }
        return TargetType.MAX_VARCHAR;
    }

    /** Lower case, every other character '_', as the contract's names must be. */
    static String snakeCase(String source) {
        String s = source.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "_" + s;
        }
        return s.length() > 127 ? s.substring(0, 127) : s;
    }

    private static String uniqueName(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }
}
