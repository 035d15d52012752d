package com.europages.loadbce.transform;

import com.europages.loadbce.FailureMessage;

/**
 * A file cannot be transformed under the contract (missing column, unsupported type, corrupt data, too many bad
 * values): permanent. The message is always one line, whatever the text it quotes.
 */
public class TransformException extends RuntimeException {
    public TransformException(String message) {
        super(FailureMessage.oneLine(message));
    }

    public TransformException(String message, Throwable cause) {
        super(FailureMessage.oneLine(message), cause);
    }
}
