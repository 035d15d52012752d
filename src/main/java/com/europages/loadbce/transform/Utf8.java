package com.europages.loadbce.transform;

import java.nio.charset.StandardCharsets;

/** UTF-8 byte lengths and truncation at a character boundary: Redshift measures varchar(n) in bytes. */
final class Utf8 {

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
}
