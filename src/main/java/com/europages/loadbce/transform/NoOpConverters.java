package com.europages.loadbce.transform;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/** A converter tree that ColumnReadStoreImpl requires but that is never called: values are read with the getters. */
final class NoOpConverters extends GroupConverter {
    private final Converter[] children;

    NoOpConverters(GroupType type) {
        children = new Converter[type.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            Type t = type.getType(i);
            children[i] = t.isPrimitive() ? new PrimitiveConverter() { } : new NoOpConverters(t.asGroupType());
        }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
}
