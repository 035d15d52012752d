package com.europages.loadbce.transform;

import org.apache.parquet.io.api.Binary;

/**
 * INT96 timestamps, the encoding every Redshift Spectrum version reads for a timestamp column, and the range of
 * timestamps and dates that load: 0001-01-01 00:00:00 to 9999-12-31 23:59:59.999999, four-digit years (the years
 * Redshift's and Spectrum's text forms, Java and Hive all agree on); a value outside is unconvertible.
 */
final class Timestamps {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** 0001-01-01 00:00:00 and 9999-12-31 23:59:59.999999 in microseconds since 1970-01-01 00:00 UTC. */
    static final long MIN_MICROS = -62_135_596_800_000_000L;
    static final long MAX_MICROS = 253_402_300_799_999_999L;
    /** 0001-01-01 and 9999-12-31 in days since 1970-01-01. */
    static final long MIN_DAY = -719_162L;
    static final long MAX_DAY = 2_932_896L;

    private Timestamps() {
    }

    static boolean inRange(long micros) {
        return micros >= MIN_MICROS && micros <= MAX_MICROS;
    }

    static boolean dayInRange(long day) {
        return day >= MIN_DAY && day <= MAX_DAY;
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
