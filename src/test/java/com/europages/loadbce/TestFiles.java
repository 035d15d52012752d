package com.europages.loadbce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads test resources and the project's top-level files from the build's working directory (the project root). */
public final class TestFiles {
    private TestFiles() {
    }

    public static String sample(String name) {
        return read(Path.of("src/test/resources/s3-events", name));
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
