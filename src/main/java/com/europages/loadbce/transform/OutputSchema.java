package com.europages.loadbce.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema the transformer writes, from the contract: for each Redshift type the physical type Spectrum
 * reads for it (int32 smallint/integer, int64 bigint, float, double, boolean, UTF8 binary varchar, int32 DATE,
 * fixed-length decimals of the exact precision and scale, INT96 timestamps), then the source_key lineage column.
 */
public final class OutputSchema {

    private OutputSchema() {
    }

    public static MessageType of(ColumnContract contract) {
        List<Type> fields = new ArrayList<>();
        for (ContractColumn c : contract.columns()) {
            fields.add(field(c.name(), c.type()));
        }
        fields.add(field(ColumnContract.SOURCE_KEY_COLUMN, ColumnContract.SOURCE_KEY_TYPE));
        return new MessageType(contract.table(), fields);
    }

    static Type field(String name, TargetType type) {
        // optional, as Spark/Hive write them: the values are never null after the fill
        return switch (type.kind()) {
            case SMALLINT -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INTEGER -> Types.optional(PrimitiveTypeName.INT32).named(name);
            case BIGINT -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case REAL -> Types.optional(PrimitiveTypeName.FLOAT).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case DECIMAL -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                    .length(Decimals.byteLength(type.precision()))
                    .as(LogicalTypeAnnotation.decimalType(type.scale(), type.precision())).named(name);
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case VARCHAR -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT96).named(name);
        };
    }
}
