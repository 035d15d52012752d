package com.europages.loadbce.sample;

import java.util.Arrays;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/** One reusable row of the generated file: primitive slots per field, so generating millions of rows allocates little. */
final class EventRow {
    final boolean[] present;
    final long[] longs;
    final double[] doubles;
    final Object[] refs;

    EventRow(MessageType schema) {
        int n = schema.getFieldCount();
        present = new boolean[n];
        longs = new long[n];
        doubles = new double[n];
        refs = new Object[n];
    }

    void clear() {
        Arrays.fill(present, false);
    }

    void setLong(int field, long v) {
        present[field] = true;
        longs[field] = v;
    }

    void setDouble(int field, double v) {
        present[field] = true;
        doubles[field] = v;
    }

    void setBoolean(int field, boolean v) {
        present[field] = true;
        longs[field] = v ? 1 : 0;
    }

    void setBinary(int field, Binary v) {
        present[field] = v != null;
        refs[field] = v;
    }

    void setList(int field, Binary[] elements) {
        present[field] = elements != null;
        refs[field] = elements;
    }
}
