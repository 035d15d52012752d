package com.europages.loadbce.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Arguments that parse but cannot work: picocli prints the message with the usage, and the process exits 2. */
final class Usage {

    private Usage() {
    }

    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The value, or a usage error naming the option when it is below {@code min} (called as options are parsed). */
    static long atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw error(spec, option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    static int atLeast(CommandSpec spec, String option, int value, int min) {
        return (int) atLeast(spec, option, (long) value, min);
    }
}
