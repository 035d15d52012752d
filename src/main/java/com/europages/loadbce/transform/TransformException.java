package com.europages.loadbce.transform;

/** A file cannot be transformed under the contract (missing column, unsupported type, too many bad values): permanent. */
public class TransformException extends RuntimeException {
    public TransformException(String message) {
        super(message);
    }

    public TransformException(String message, Throwable cause) {
        super(message, cause);
    }
}
