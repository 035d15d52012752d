package com.europages.loadbce.transform;

import org.apache.parquet.io.api.Binary;

/** INT96 timestamps, the encoding every Redshift Spectrum version reads for a timestamp column. */
final class Timestamps {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Timestamps() {
    }

    static Binary int96(long epochMicros) {
        // little endian: nanos of the day (8 bytes), then the Julian day (4 bytes)
        long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long nanosOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY) * 1000;
        int julianDay = (int) (day + JULIAN_EPOCH_DAY);
        byte[] b = new byte[12];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (nanosOfDay >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            b[8 + i] = (byte) (julianDay >>> (8 * i));
        }
        return Binary.fromConstantByteArray(b);
    }
}
