package com.europages.loadbce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A benchmark's work folder: the one given (kept) or a temp folder, and the deletion of what a run leaves in it. */
public final class WorkFolder {

    private WorkFolder() {
    }

    /** {@code dir} if given (created if missing), else a new temp folder the caller deletes. */
    public static Path of(Path dir, String tempPrefix) throws IOException {
        return dir != null ? Files.createDirectories(dir) : Files.createTempDirectory(tempPrefix);
    }

    /** Deletes {@code path} and everything under it; nothing if it does not exist. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            List<Path> paths = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
