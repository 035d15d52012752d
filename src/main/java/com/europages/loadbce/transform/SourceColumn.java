package com.europages.loadbce.transform;

import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of an input file, classified into a {@link SourceKind}, with what its decoder needs: the leaf
 * descriptor, the physical type, the decimal scale, the timestamp unit and, for lists, the repeated level's definition level.
 */
public record SourceColumn(String name, SourceKind kind, ColumnDescriptor leaf, PrimitiveTypeName physical, int scale,
                           TimeUnit unit, boolean unsigned, int listDefinitionLevel, Type field) {

    /** Finds and classifies the column; a missing or unreadable column is a {@link TransformException}. */
    public static SourceColumn resolve(MessageType schema, String name, String file) {
        if (!schema.containsField(name)) {
            throw new TransformException("Column '" + name + "' required by the contract is missing from " + file);
        }
        Type field = schema.getType(name);
        if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
            return primitive(schema, field.asPrimitiveType(), name, file);
        }
        return list(schema, field, name, file);
    }

    private static SourceColumn primitive(MessageType schema, PrimitiveType p, String name, String file) {
        ColumnDescriptor leaf = schema.getColumnDescription(new String[] {name});
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        PrimitiveTypeName t = p.getPrimitiveTypeName();
        if (a instanceof DecimalLogicalTypeAnnotation d) {
            // any precision: each value is converted exactly, and one that does not fit the target is unconvertible
            return new SourceColumn(name, SourceKind.DECIMAL, leaf, t, d.getScale(), null, false, 0, p);
        }
        switch (t) {
            case BOOLEAN:
                return new SourceColumn(name, SourceKind.BOOLEAN, leaf, t, 0, null, false, 0, p);
            case INT32:
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return new SourceColumn(name, SourceKind.DATE, leaf, t, 0, null, false, 0, p);
                }
                if (a == null || a instanceof IntLogicalTypeAnnotation) {
                    boolean unsigned = a != null && !((IntLogicalTypeAnnotation) a).isSigned();
                    return new SourceColumn(name, SourceKind.INTEGER, leaf, t, 0, null, unsigned, 0, p);
                }
                break;
            case INT64:
                if (a instanceof TimestampLogicalTypeAnnotation ts) {
                    return new SourceColumn(name, SourceKind.TIMESTAMP, leaf, t, 0, ts.getUnit(), false, 0, p);
                }
                if (a == null || a instanceof IntLogicalTypeAnnotation) {
                    // UINT_64 too: a value of 2^63 or more does not fit a bigint and is unconvertible
                    boolean unsigned = a != null && !((IntLogicalTypeAnnotation) a).isSigned();
                    return new SourceColumn(name, SourceKind.INTEGER, leaf, t, 0, null, unsigned, 0, p);
                }
                break;
            case INT96:
                return new SourceColumn(name, SourceKind.TIMESTAMP, leaf, t, 0, TimeUnit.NANOS, false, 0, p);
            case FLOAT:
            case DOUBLE:
                return new SourceColumn(name, SourceKind.FLOATING, leaf, t, 0, null, false, 0, p);
            case FIXED_LEN_BYTE_ARRAY:
                if (a instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation && p.getTypeLength() == 2) {
                    return new SourceColumn(name, SourceKind.FLOATING, leaf, t, 0, null, false, 0, p);
                }
                break;
            case BINARY:
                if (a == null || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return new SourceColumn(name, SourceKind.STRING, leaf, t, 0, null, false, 0, p);
                }
                break;
            default:
                break;
        }
        throw unsupported(name, p, file, "this physical/logical type");
    }

    /** A list of strings: the 3-level LIST layout, the 2-level legacy one, or a bare repeated binary. */
    private static SourceColumn list(MessageType schema, Type field, String name, String file) {
        List<String[]> leaves = schema.getPaths().stream().filter(path -> path[0].equals(name)).toList();
        if (leaves.size() != 1) {
            throw unsupported(name, field, file, "groups other than a list of strings");
        }
        String[] path = leaves.get(0);
        ColumnDescriptor leaf = schema.getColumnDescription(path);
        PrimitiveType p = leaf.getPrimitiveType();
        if (leaf.getMaxRepetitionLevel() != 1 || p.getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
            throw unsupported(name, field, file, "nested or non-string lists");
        }
        // the definition level at which the repeated node is present: below it the row's list is empty or null
        int repeatedDepth = 0;
        Type t = field;
        for (int depth = 1; ; depth++) {
            if (t.isRepetition(Type.Repetition.REPEATED)) {
                repeatedDepth = depth;
                break;
            }
            t = ((GroupType) t).getType(path[depth]);
        }
        int listDef = schema.getMaxDefinitionLevel(java.util.Arrays.copyOf(path, repeatedDepth));
        return new SourceColumn(name, SourceKind.STRING_LIST, leaf, PrimitiveTypeName.BINARY, 0, null, false, listDef, field);
    }

    private static TransformException unsupported(String name, Type type, String file, String what) {
        return new TransformException("Column '" + name + "' of " + file + " has type '" + describe(type)
                + "': " + what + " cannot be converted");
    }

    /** The type as the Parquet schema prints it, for messages and the report. */
    public String describe() {
        return describe(field);
    }

    /** One line, and at most 200 characters: a group column may have hundreds of fields. */
    static String describe(Type type) {
        String t = type.toString().trim().replaceAll("\\s+", " ");
        return t.length() <= 200 ? t : t.substring(0, 199) + "…";
    }
}
