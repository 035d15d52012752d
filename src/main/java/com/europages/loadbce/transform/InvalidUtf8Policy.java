package com.europages.loadbce.transform;

/**
 * What happens to a varchar value whose bytes are not valid UTF-8 (a text column written with another encoding, a
 * corrupt page): its invalid sequences replaced with U+FFFD and counted, the whole value unconvertible, or the file fails.
 */
public enum InvalidUtf8Policy { REPLACE, UNCONVERTIBLE, FAIL }
