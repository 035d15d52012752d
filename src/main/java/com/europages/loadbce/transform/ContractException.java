package com.europages.loadbce.transform;

/** The column contract file is invalid: the message names the file, the line and the column. */
public class ContractException extends RuntimeException {
    public ContractException(String message) {
        super(message);
    }

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
