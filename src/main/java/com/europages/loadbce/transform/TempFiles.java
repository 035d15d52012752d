package com.europages.loadbce.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The temp files an exchange created, deleted together by the route's doFinally so none outlives its file. */
public final class TempFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
    private static final String PROPERTY = "DataFlowTempFiles";

    private TempFiles() {
    }

    /** A new temp file in the folder (system temp when null), remembered for {@link #deleteAll(Exchange)}. */
    public static Path create(Exchange exchange, Path dir, String prefix) throws IOException {
        Path file;
        try {
            file = dir == null ? Files.createTempFile(prefix, ".parquet")
                    : Files.createTempFile(Files.createDirectories(dir), prefix, ".parquet");
        } catch (IOException e) {
            // transient: the message is retried once the folder is writable again
            throw new IOException("Cannot create a temp file in " + folder(dir) + ": " + e, e);
        }
        remember(exchange, file);
        return file;
    }

    /** The folder of temp files as an error message names it. */
    public static String folder(Path dir) {
        return dir == null ? "the system temp folder " + System.getProperty("java.io.tmpdir") + " (transform.temp-dir empty)"
                : dir + " (transform.temp-dir)";
    }

    @SuppressWarnings("unchecked")
    public static void remember(Exchange exchange, Path file) {
        List<Path> files = exchange.getProperty(PROPERTY, List.class);
        if (files == null) {
            files = new ArrayList<>();
            exchange.setProperty(PROPERTY, files);
        }
        files.add(file);
    }

    @SuppressWarnings("unchecked")
    public static void deleteAll(Exchange exchange) {
        List<Path> files = exchange.getProperty(PROPERTY, List.class);
        if (files == null) {
            return;
        }
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warn("Could not delete temp file {}: {}", f, e.getMessage());
            }
        }
        files.clear();
    }
}
