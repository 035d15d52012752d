package com.europages.loadbce.transform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;

/** INT96 timestamps, the encoding every Redshift Spectrum version reads for a timestamp column. */
final class Timestamps {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Timestamps() {
    }

    static Binary int96(long epochMicros) {
        long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long nanosOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY) * 1000;
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt((int) (day + JULIAN_EPOCH_DAY));
        return Binary.fromConstantByteArray(b.array());
    }
}
