package com.europages.loadbce.intake;

/** A message that can never be decoded into S3 records: a permanent error, sent to the error queue. */
public class InvalidEventException extends Exception {
    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
