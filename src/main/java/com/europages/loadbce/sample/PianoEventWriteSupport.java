package com.europages.loadbce.sample;

import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Writes {@link EventRow}s straight to parquet-hadoop's RecordConsumer (the generator plays the "Piano writer"). */
final class PianoEventWriteSupport extends WriteSupport<EventRow> {
    private final MessageType schema;
    private RecordConsumer consumer;

    PianoEventWriteSupport(MessageType schema) {
        this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(EventRow row) {
        consumer.startMessage();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            if (!row.present[i]) {
                continue;
            }
            Type field = schema.getType(i);
            consumer.startField(field.getName(), i);
            if (field.isPrimitive()) {
                writePrimitive(field.asPrimitiveType(), row, i);
            } else {
                writeList(field.asGroupType(), (Binary[]) row.refs[i]);
            }
            consumer.endField(field.getName(), i);
        }
        consumer.endMessage();
    }

    private void writePrimitive(PrimitiveType type, EventRow row, int i) {
        switch (type.getPrimitiveTypeName()) {
            case INT32 -> consumer.addInteger((int) row.longs[i]);
            case INT64 -> consumer.addLong(row.longs[i]);
            case BOOLEAN -> consumer.addBoolean(row.longs[i] != 0);
            case FLOAT -> consumer.addFloat((float) row.doubles[i]);
            case DOUBLE -> consumer.addDouble(row.doubles[i]);
            default -> consumer.addBinary((Binary) row.refs[i]);
        }
    }

    /** The three-level LIST layout (list / element) that Spark, pyarrow and parquet-mr write by default. */
    private void writeList(GroupType type, Binary[] elements) {
        consumer.startGroup();
        if (elements.length > 0) {
            consumer.startField("list", 0);
            for (Binary e : elements) {
                consumer.startGroup();
                if (e != null) {
                    consumer.startField("element", 0);
                    consumer.addBinary(e);
                    consumer.endField("element", 0);
                }
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }
}
