package com.europages.loadbce.transform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Small hand-made Parquet files for the tests (parquet-mr's example Group writer), and byte surgery on them. */
final class ParquetFiles {

    private ParquetFiles() {
    }

    static Path write(Path file, String schema, List<Consumer<Group>> rows) throws IOException {
        return write(file, schema, rows, b -> b);
    }

    /** Writes the rows with the writer's options changed by {@code options} (codec, checksums, dictionary...). */
    static Path write(Path file, String schema, List<Consumer<Group>> rows,
                      UnaryOperator<ExampleParquetWriter.Builder> options) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory factory = new SimpleGroupFactory(type);
        Files.deleteIfExists(file);
        try (ParquetWriter<Group> w = options.apply(ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)).build()) {
            for (Consumer<Group> row : rows) {
                Group g = factory.newGroup();
                row.accept(g);
                w.write(g);
            }
        }
        return file;
    }

    static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    /**
     * A file of the schema whose only row group holds no rows and column chunks of no values, as arrow-cpp writes an
     * empty table. parquet-mr refuses to write one ("End block with zero record"): its footer is written here.
     */
    static Path writeEmptyRowGroup(Path file, String schema) throws IOException {
        write(file, schema, List.of());
        return insertEmptyRowGroup(file, 0);
    }

    /** Rewrites the file's footer with an empty row group inserted at {@code index} (the data pages stay where they are). */
    static Path insertEmptyRowGroup(Path file, int index) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(all, all.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = all.length - 8 - length;
        FileMetaData footer = Util.readFileMetaData(new java.io.ByteArrayInputStream(all, footerStart, length));
        MessageType type = schema(file);
        List<ColumnChunk> chunks = new ArrayList<>();
        for (ColumnDescriptor c : type.getColumns()) {
            String physical = c.getPrimitiveType().getPrimitiveTypeName().name();
            ColumnMetaData meta = new ColumnMetaData(Type.valueOf(physical.equals("BINARY") ? "BYTE_ARRAY" : physical),
                    List.of(org.apache.parquet.format.Encoding.PLAIN, org.apache.parquet.format.Encoding.RLE),
                    Arrays.asList(c.getPath()), CompressionCodec.UNCOMPRESSED, 0, 0, 0, 4);
            ColumnChunk chunk = new ColumnChunk(4);
            chunk.setMeta_data(meta);
            chunks.add(chunk);
        }
        List<RowGroup> groups = new ArrayList<>(footer.getRow_groups());
        groups.add(index, new RowGroup(chunks, 0, 0));
        footer.setRow_groups(groups);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(all, 0, footerStart);
        Util.writeFileMetaData(footer, bytes);
        int newLength = bytes.size() - footerStart;
        bytes.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(newLength).array());
        bytes.write(MAGIC);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** Where a page starts, how long its header is and its compressed size, as the file's bytes say. */
    record Page(long offset, int headerLength, PageHeader header) {
        long dataOffset() {
            return offset + headerLength;
        }
    }

    static int rowGroupCount(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getRowGroups().size();
        }
    }

    /** The column chunk's metadata in the given row group. */
    static ColumnChunkMetaData chunk(Path file, int rowGroup, String column) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getRowGroups().get(rowGroup).getColumns().stream()
                    .filter(c -> c.getPath().toDotString().equals(column)).findFirst().orElseThrow();
        }
    }

    /** The first page of the column chunk: its dictionary page when it has one, else its first data page. */
    static Page firstPage(Path file, int rowGroup, String column) throws IOException {
        ColumnChunkMetaData c = chunk(file, rowGroup, column);
        long offset = c.hasDictionaryPage() && c.getDictionaryPageOffset() > 0 ? c.getDictionaryPageOffset()
                : c.getFirstDataPageOffset();
        return page(file, offset);
    }

    static Page page(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(offset);
            CountingStream in = new CountingStream(Channels.newInputStream(ch));
            PageHeader header = Util.readPageHeader(in);
            return new Page(offset, (int) in.count, header);
        }
    }

    /** The page that follows {@code page} in its column chunk. */
    static Page next(Path file, Page page) throws IOException {
        return page(file, page.dataOffset() + page.header().getCompressed_page_size());
    }

    /** Replaces a page header by a changed copy of the same serialized length (so no offset in the file moves). */
    static void rewriteHeader(Path file, Page page, UnaryOperator<PageHeader> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Util.writePageHeader(change.apply(page.header().deepCopy()), bytes);
        if (bytes.size() != page.headerLength()) {
            throw new IllegalArgumentException("the changed header is " + bytes.size() + " bytes, not " + page.headerLength());
        }
        write(file, page.offset(), bytes.toByteArray());
    }

    /** Inverts every bit of the byte at {@code offset}. */
    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) ~b.get(0));
            b.rewind();
            ch.write(b, offset);
        }
    }

    static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    /** INT96 as Hive/Spark write it: nanoseconds of the day then the Julian day, little endian. */
    static Binary int96(long nanosOfDay, int julianDay) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt(julianDay);
        return Binary.fromConstantByteArray(b.array());
    }

    static Binary bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return Binary.fromConstantByteArray(b);
    }

    /** Counts what the page header parser consumed. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            // one byte at a time: the parser must not consume (and count) bytes past the header
            if (len == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            buf[off] = (byte) b;
            return 1;
        }
    }
}
