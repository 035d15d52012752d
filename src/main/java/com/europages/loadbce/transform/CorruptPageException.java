package com.europages.loadbce.transform;

/** A page of a source file is not what its header says (it does not decompress to its size, a dictionary is short...). */
final class CorruptPageException extends RuntimeException {
    CorruptPageException(String message) {
        super(message);
    }

    CorruptPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
