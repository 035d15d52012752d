package com.europages.loadbce.transform;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Streams the S3 object body to a temp file (never into memory) and makes the file's path the body. */
public final class DownloadToTempFile implements Processor {

    private final Path tempDir;

    public DownloadToTempFile(Path tempDir) {
        this.tempDir = tempDir;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Path file = TempFiles.create(exchange, tempDir, "source-");
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        exchange.getMessage().setBody(file);
    }
}
