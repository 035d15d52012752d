package com.europages.loadbce.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The extra custom properties of a wide Data Flow file ({@code generate --columns N}): Piano flows carry hundreds, of
 * mixed types. Property i (from 1) is named {@code custom_prop_NNN} and takes the i-th type of {@link Kind} in turn.
 */
public final class CustomProperties {

    /** The types the properties cycle through, each with the contract type a data engineer would give it. */
    public enum Kind {
        /** A short label from a few dozen values. */
        LABEL("varchar(64)"),
        /** A 64-bit counter. */
        COUNT("bigint"),
        /** A measure, NaN now and then. */
        MEASURE("double precision"),
        /** A flag. */
        FLAG("boolean"),
        /** A number sent as text, a few values not numbers. */
        NUMBER_TEXT("integer"),
        /** A 32-bit code. */
        CODE("integer");

        private final String contractType;

        Kind(String contractType) {
            this.contractType = contractType;
        }

        /** Whether the values are nearly all distinct (a dictionary does not pay). */
        public boolean nearlyUnique() {
            return this == COUNT || this == MEASURE;
        }

        /** The column's type in a column contract (the target table). */
        public String contractType() {
            return contractType;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final Binary[] LABELS = new Binary[40];
    private static final Binary[] NUMBERS = new Binary[1000];
    private static final Binary[] BAD_NUMBERS = {utf8("n/a"), utf8("12x"), utf8("")};

    static {
        for (int i = 0; i < LABELS.length; i++) {
            LABELS[i] = utf8("label-" + (char) ('a' + i % 26) + i);
        }
        for (int i = 0; i < NUMBERS.length; i++) {
            NUMBERS[i] = utf8(Integer.toString(i * 7));
        }
    }

    private final int first;
    private final int count;
    private final SplittableRandom random;

    /** Fills the properties at field {@code first} onwards; its own random stream leaves the base columns unchanged. */
    CustomProperties(int first, int count, SplittableRandom random) {
        this.first = first;
        this.count = count;
        this.random = random;
    }

    /** The name of property {@code i} (from 1). */
    public static String name(int i) {
        return String.format(Locale.ROOT, "custom_prop_%03d", i);
    }

    /** The type of property {@code i} (from 1). */
    public static Kind kind(int i) {
        return KINDS[(i - 1) % KINDS.length];
    }

    /** {@code schema} with {@code count} custom properties appended. */
    static MessageType append(MessageType schema, int count) {
        if (count == 0) {
            return schema;
        }
        List<Type> fields = new ArrayList<>(schema.getFields());
        for (int i = 1; i <= count; i++) {
            fields.add(switch (kind(i)) {
                case LABEL, NUMBER_TEXT -> Types.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(name(i));
                case COUNT -> Types.optional(PrimitiveTypeName.INT64).named(name(i));
                case MEASURE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name(i));
                case FLAG -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name(i));
                case CODE -> Types.optional(PrimitiveTypeName.INT32).named(name(i));
            });
        }
        return new MessageType(schema.getName(), fields);
    }

    /** Sets the row's properties: about one in five is null, as sparse custom properties are. */
    void fill(EventRow row) {
        for (int i = 1; i <= count; i++) {
            int field = first + i - 1;
            if (random.nextInt(5) == 0) {
                row.present[field] = false;
                continue;
            }
            switch (kind(i)) {
                case LABEL -> row.setBinary(field, LABELS[random.nextInt(LABELS.length)]);
                case COUNT -> row.setLong(field, random.nextLong(1_000_000_000L));
                case MEASURE -> row.setDouble(field, random.nextInt(50) == 0 ? Double.NaN : random.nextDouble() * 1000);
                case FLAG -> row.setBoolean(field, random.nextBoolean());
                case NUMBER_TEXT -> row.setBinary(field, random.nextInt(200) == 0
                        ? BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)] : NUMBERS[random.nextInt(NUMBERS.length)]);
                case CODE -> row.setLong(field, random.nextInt(100_000));
            }
        }
    }

    private static Binary utf8(String s) {
        return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
    }
}
