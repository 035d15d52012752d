package com.europages.loadbce.transform;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * A converter tree that ColumnReadStoreImpl requires but that is never called: values are read with the getters. A
 * tree for reading by id accepts its leaf's dictionary: only then does a column reader give the dictionary ids of its
 * values; the dictionary is kept for {@link #dictionary()}.
 */
final class NoOpConverters extends GroupConverter {
    private final Converter[] children;
    private Dictionary dictionary;

    NoOpConverters(GroupType type) {
        this(type, false);
    }

    /** For a single leaf read by dictionary id. */
    static NoOpConverters byId(GroupType type) {
        return new NoOpConverters(type, true);
    }

    private NoOpConverters(GroupType type, boolean byId) {
        children = new Converter[type.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            Type t = type.getType(i);
            children[i] = !t.isPrimitive() ? new NoOpConverters(t.asGroupType(), false)
                    : byId ? new DictionaryLeaf() : new PrimitiveConverter() { };
        }
    }

    /** The dictionary the column reader gave a top-level leaf; null if it had none. */
    Dictionary dictionary() {
        return dictionary;
    }

    /** A leaf that takes its column's dictionary. */
    private final class DictionaryLeaf extends PrimitiveConverter {
        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dictionary = d;
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
