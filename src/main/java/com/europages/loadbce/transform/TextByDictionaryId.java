package com.europages.loadbce.transform;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;

/**
 * Writes a text column whose source chunk is dictionary-encoded throughout by dictionary id: each source entry is
 * converted once, on its first use, and each output chunk's dictionary holds the values its rows use, in the order
 * they are first used. No value is hashed, compared or validated again per row; every use is counted as a row would be.
 */
final class TextByDictionaryId {
    private static final int NOT_CONVERTED = -1;

    private final ColumnTransform transform;
    private final Dictionary source;
    /** Per source id: its output value, null when unconvertible (the row takes the fill). */
    private final Binary[] values;
    /** Per source id: what its conversion counted ({@link ColumnTransform#textOf}), or {@link #NOT_CONVERTED}. */
    private final int[] counts;
    /** Per source id: its id in the current output chunk's dictionary, or -1. */
    private final int[] outputIds;
    private final int[] conversion = new int[1];
    private DictionaryIdWriter out;
    private int fillId;

    TextByDictionaryId(ColumnTransform transform, Dictionary source) {
        this.transform = transform;
        this.source = source;
        int size = source.getMaxId() + 1;
        this.values = new Binary[size];
        this.counts = new int[size];
        this.outputIds = new int[size];
        Arrays.fill(counts, NOT_CONVERTED);
    }

    /** Writes the cursor's current row (read by id) to {@code chunk}, the output chunk it belongs to. */
    void write(SourceCursor c, DictionaryIdWriter chunk) throws IOException {
        if (chunk != out) {
            out = chunk;
            Arrays.fill(outputIds, -1);
            fillId = -1;
        }
        if (c.isNull) {
            transform.missing();
            out.write(fillId());
            return;
        }
        int s = c.dictionaryId;
        if (s < 0 || s >= values.length) {
            throw new CorruptPageException("a value refers to entry " + s + " of a dictionary of " + values.length);
        }
        if (counts[s] == NOT_CONVERTED) {
            values[s] = transform.textOf(source.decodeToBinary(s), conversion);
            counts[s] = conversion[0];
        } else {
            transform.countAgain(counts[s]);
        }
        if (values[s] == null) {
            out.write(fillId());
            return;
        }
        int id = outputIds[s];
        if (id < 0) {
            id = out.add(values[s]);
            outputIds[s] = id;
        }
        out.write(id);
    }

    private int fillId() {
        if (fillId < 0) {
            fillId = out.add(transform.fillBinary());
        }
        return fillId;
    }
}
