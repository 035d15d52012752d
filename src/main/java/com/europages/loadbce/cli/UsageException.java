package com.europages.loadbce.cli;

/** Bad command-line arguments: the message is printed with the usage and the process exits with code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
