package com.europages.loadbce.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class);
             OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    // a full or failing disk is transient: the message is retried; the partial file is deleted
                    // with the exchange's other temp files
                    throw new IOException("Cannot write the download to " + TempFiles.folder(tempDir) + ": " + e, e);
                }
            }
        }
        exchange.getMessage().setBody(file);
    }
}
