package com.europages.loadbce.transform;

import org.apache.parquet.io.api.Binary;

/** Decimal encoding as FIXED_LEN_BYTE_ARRAY (big-endian two's complement), the layout Hive and Spectrum read. */
final class Decimals {

    private Decimals() {
    }

    /** Fewest bytes that hold every unscaled value of the precision. */
    static int byteLength(int precision) {
        int n = 1;
        while (Math.pow(2, 8 * n - 1) <= Math.pow(10, precision)) {
            n++;
        }
        return n;
    }

    static Binary toFixed(long unscaled, int length) {
        byte[] b = new byte[length];
        long v = unscaled;
        for (int i = length - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>= 8;
        }
        return Binary.fromConstantByteArray(b);
    }
}
