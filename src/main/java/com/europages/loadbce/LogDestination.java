package com.europages.loadbce;

import java.nio.file.Path;

/** Where a command's log lines go, and from which level: stdout (serve, as a container expects), stderr or a file. */
public record LogDestination(Target target, Path file, String level) {

    /** The console stream or the file the lines are written to. */
    public enum Target { SYSTEM_OUT, SYSTEM_ERR, FILE }

    public static LogDestination stdout() {
        return new LogDestination(Target.SYSTEM_OUT, null, "INFO");
    }

    public static LogDestination stderr(String level) {
        return new LogDestination(Target.SYSTEM_ERR, null, level);
    }

    public static LogDestination file(Path file) {
        return new LogDestination(Target.FILE, file, "INFO");
    }
}
