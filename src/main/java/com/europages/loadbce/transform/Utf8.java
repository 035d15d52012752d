package com.europages.loadbce.transform;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 byte lengths, validation and repair, and truncation at a character boundary: Redshift measures varchar(n)
 * in bytes, and neither Spectrum nor DuckDB reads a string column holding bytes that are not UTF-8.
 */
final class Utf8 {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private Utf8() {
    }

    static int length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The largest prefix length (in bytes, at most max) that does not cut a multi-byte character. */
    static int truncatedLength(byte[] utf8, int offset, int length, int max) {
        if (length <= max) {
            return length;
        }
        int end = max;
        // continuation bytes are 10xxxxxx: back off to the first byte of the cut character
        while (end > 0 && (utf8[offset + end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }

    /** Whether the bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or code points above U+10FFFF). */
    static boolean isValid(byte[] b, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            // every string is validated, and most are ASCII: eight bytes at a time while no high bit is set
            while (i <= end - 8 && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequence(b, i, end);
            if (n < 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /**
     * The bytes with each maximal invalid subpart replaced by U+FFFD, as the Unicode standard recommends (and Python,
     * browsers and ICU do): a lead byte and the continuation bytes that may follow it become one U+FFFD.
     */
    static byte[] repaired(byte[] b, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 8);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int n = b[i] >= 0 ? 1 : sequence(b, i, end);
            if (n > 0) {
                out.write(b, i, n);
                i += n;
            } else {
                out.write(REPLACEMENT, 0, REPLACEMENT.length);
                i -= n;
            }
        }
        return out.toByteArray();
    }

    /**
     * At a non-ASCII byte: the length of the well-formed sequence it starts, or minus the length of the maximal
     * subpart (the lead byte and the valid continuation bytes before the first one that does not fit).
     */
    private static int sequence(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            if (lead == 0xE0) {
                lo = 0xA0; // overlong below U+0800
            } else if (lead == 0xED) {
                hi = 0x9F; // surrogates U+D800..U+DFFF
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            if (lead == 0xF0) {
                lo = 0x90; // overlong below U+10000
            } else if (lead == 0xF4) {
                hi = 0x8F; // above U+10FFFF
            }
        } else {
            return -1;
        }
        for (int j = 1; j <= need; j++) {
            if (i + j >= end) {
                return -j;
            }
            int c = b[i + j] & 0xFF;
            if (c < lo || c > hi) {
                return -j;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return need + 1;
    }
}
