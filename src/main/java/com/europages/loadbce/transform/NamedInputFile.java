package com.europages.loadbce.transform;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A local copy that parquet-hadoop's own messages call by its name (the S3 key), not "LocalInputFile@29ca3d04". */
final class NamedInputFile implements InputFile {
    private final LocalInputFile file;
    private final String name;

    NamedInputFile(Path path, String name) {
        this.file = new LocalInputFile(path);
        this.name = name;
    }

    @Override
    public long getLength() throws IOException {
        return file.getLength();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return file.newStream();
    }

    @Override
    public String toString() {
        return name;
    }
}
