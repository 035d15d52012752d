package com.europages.loadbce.transform;

import com.europages.loadbce.FailureMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.impl.ColumnWriteStoreV1;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Transforms one Data Flow Parquet file into the contract's table, column at a time: for each input row group and
 * each output column, the source column chunk alone is read, decoded with parquet-column's ColumnReader, converted, written
 * with a ColumnWriter into a chunk of its own (a text chunk that is all dictionary ids by {@link TextByDictionaryId}),
 * and the chunks are appended to the file in schema order. No row is ever assembled. Columns are transformed by up to {@code threads} workers at once ({@link ColumnPipeline}), holding at most
 * {@link #PARALLEL_SOURCE_BYTES} of source chunks (or one chunk, whatever its size): memory is bounded whatever the
 * file or row-group size, and the output is the same bytes whatever the number of threads.
 * Corrupt input never loads: page checksums are verified when the file has them, pages are decompressed strictly
 * ({@link PageCodecs}) and dictionaries checked ({@link CheckedPages}).
 */
public final class ParquetTransformer {
    private static final int PAGE_SIZE = 1024 * 1024;
    private static final int READ_BUFFER_BYTES = 256 * 1024;
    /** Rows of an output row group cut from a larger input one: readers scan row groups in parallel (DuckDB). */
    static final int OUTPUT_ROW_GROUP_ROWS = 16_384;
    /** Largest input row group cut into several output ones: all but the first are held until it is written. */
    static final long SPLIT_ROW_GROUP_BYTES = 16L * 1024 * 1024;
    /** Most compressed source bytes of the columns being transformed at once (and their outputs, about as large). */
    static final long PARALLEL_SOURCE_BYTES = 24L * 1024 * 1024;
    /** Threads of the column workers of every transform; idle ones end, so no transformer needs closing. */
    private static final ExecutorService COLUMN_THREADS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "transform-column-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private final ColumnContract contract;
    private final CompressionCodecName codec;
    private final MessageType outputSchema;
    private final CompressionCodecFactory sourceCodecs;
    private final int threads;

    /**
     * Output row groups are the input's non-empty ones, the same rows in the same order; an input row group of more
     * than {@link #OUTPUT_ROW_GROUP_ROWS} rows and at most {@link #SPLIT_ROW_GROUP_BYTES} is cut into even parts.
     *
     * @param threads columns of a file transformed at once (at least 1)
     */
    public ParquetTransformer(ColumnContract contract, CompressionCodecName codec, int threads) {
        this(contract, codec, PageCodecs.INSTANCE, threads);
    }

    /** One thread per core. */
    public ParquetTransformer(ColumnContract contract, CompressionCodecName codec) {
        this(contract, codec, Runtime.getRuntime().availableProcessors());
    }

    /** With other decompressors for the source pages (tests). */
    ParquetTransformer(ColumnContract contract, CompressionCodecName codec, CompressionCodecFactory sourceCodecs,
                       int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.contract = Objects.requireNonNull(contract);
        this.codec = codec;
        this.outputSchema = OutputSchema.of(contract);
        this.sourceCodecs = sourceCodecs;
        this.threads = threads;
    }

    public ParquetTransformer(ColumnContract contract) {
        this(contract, CompressionCodecName.SNAPPY);
    }

    public MessageType outputSchema() {
        return outputSchema;
    }

    /**
     * Reads {@code in}, writes {@code out} (replaced if present) and returns the report. On any failure, Errors
     * included, the output is deleted; a {@link TransformException} (one line) names the file (by its source key) and,
     * where there is one, the column and the row group.
     */
    public TransformReport transform(Path in, Path out, String sourceKey) throws IOException {
        long started = System.nanoTime();
        String label = sourceKey == null || sourceKey.isEmpty() ? in.toString() : sourceKey;
        boolean done = false;
        try {
            TransformReport report = run(in, out, sourceKey == null ? "" : sourceKey, label, started);
            done = true;
            return report;
        } catch (TransformException | IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TransformException("Cannot transform " + label + ": " + FailureMessage.of(e), e);
        } finally {
            if (!done) {
                deleteQuietly(out);
            }
        }
    }

    /** Deleting must not hide the failure being reported: a file that cannot be deleted is only logged by the caller's error. */
    private static void deleteQuietly(Path out) {
        try {
            Files.deleteIfExists(out);
        } catch (IOException ignored) {
            // the temp folder's clean-up (TempFiles) removes it with the exchange
        }
    }

    private TransformReport run(Path in, Path out, String sourceKey, String label, long started) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        // column chunks are read in small buffers: a 30 MB chunk in 8 MB arrays (the default) needs contiguous G1
        // regions that a small heap (-Xmx256m) may not have, even with enough free memory
        ParquetReadOptions readOptions = ParquetReadOptions.builder(conf).withMaxAllocationInBytes(READ_BUFFER_BYTES)
                .usePageChecksumVerification(true).withCodecFactory(sourceCodecs).build();
        try (ParquetFileReader reader = openSource(in, readOptions, label)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            Plan plan = plan(fileSchema, label);

            ParquetProperties.Builder builder = ParquetProperties.builder()
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                    .withPageSize(PAGE_SIZE)
                    .withDictionaryPageSize(PAGE_SIZE)
                    .withDictionaryEncoding(true);
            for (ContractColumn c : contract.columns()) {
                if (c.type().kind() == TargetType.Kind.TIMESTAMP) {
                    // event times are nearly unique: a dictionary only costs hashing before it falls back to plain
                    builder.withDictionaryEncoding(c.name(), false);
                }
            }
            ParquetProperties props = builder.build();
            Binary key = Binary.fromConstantByteArray(sourceKey.getBytes(StandardCharsets.UTF_8));
            if (key.length() > ColumnContract.SOURCE_KEY_TYPE.length()) {
                throw new TransformException("Source key of " + label + " is longer than " + ColumnContract.SOURCE_KEY_TYPE);
            }
            long rowsIn = 0;
            int groups = 0;
            List<Worker> workers = new ArrayList<>();
            try (ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(out), outputSchema,
                    ParquetFileWriter.Mode.OVERWRITE, ParquetWriter.DEFAULT_BLOCK_SIZE, 0)) {
                writer.start();
                int count = Math.max(1, Math.min(threads, plan.transforms.size() + 1));
                workers.add(new Worker(reader, new CodecFactory(conf, PAGE_SIZE), codec));
                while (workers.size() < count) {
                    workers.add(new Worker(openSource(in, readOptions, label), new CodecFactory(conf, PAGE_SIZE), codec));
                }
                ColumnPipeline<Worker, List<ColumnChunkPageWriteStore>> pipeline = new ColumnPipeline<>(COLUMN_THREADS,
                        workers, PARALLEL_SOURCE_BYTES);
                List<BlockMetaData> rowGroups = reader.getRowGroups();
                int groupsOut = 0;
                for (int g = 0; g < rowGroups.size(); g++) {
                    long rows = rowGroups.get(g).getRowCount();
                    groups++;
                    if (rows == 0) {
                        // arrow-cpp writes an empty table as one row group of 0 rows, which parquet-hadoop refuses to read
                        continue;
                    }
                    long[] slices = slices(rows, rowGroups.get(g).getCompressedSize());
                    // the first output row group is written as its columns come; the others' chunks wait for it
                    List<List<ColumnChunkPageWriteStore>> columns = new ArrayList<>();
                    writer.startBlock(slices[0]);
                    pipeline.run(columnJobs(plan, rowGroups.get(g), g, slices, props, key, createdBy, label), chunks -> {
                        append(writer, chunks.get(0));
                        columns.add(chunks);
                    });
                    writer.endBlock();
                    for (int s = 1; s < slices.length; s++) {
                        writer.startBlock(slices[s]);
                        for (List<ColumnChunkPageWriteStore> chunks : columns) {
                            append(writer, chunks.get(s));
                        }
                        writer.endBlock();
                    }
                    rowsIn += rows;
                    groupsOut += slices.length;
                }
                checkUnconvertible(plan, rowsIn, label);
                writer.end(Map.of("load-bce-to-s3.source_key", sourceKey));
                Map<String, ColumnCounts> counts = new LinkedHashMap<>();
                for (ColumnTransform t : plan.transforms) {
                    counts.put(t.column.name(), t.counts());
                }
                return new TransformReport(sourceKey, out, rowsIn, rowsIn, groups, groupsOut, plan.dropped, plan.filled, counts,
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                for (Worker w : workers) {
                    w.close(reader);
                }
            }
        }
    }

    private static void append(ParquetFileWriter writer, ColumnChunkPageWriteStore chunk) throws IOException {
        chunk.flushToFileWriter(writer);
        chunk.close();
    }

    /**
     * The jobs writing the output columns of one row group, in schema order: each contract column (from its source
     * chunk, or its fill when the file lacks it), then the source key.
     */
    private List<ColumnJob> columnJobs(Plan plan, BlockMetaData rowGroup, int g, long[] slices, ParquetProperties props,
                                       Binary key, String createdBy, String label) {
        long rows = rowGroup.getRowCount();
        Map<ColumnPath, ColumnChunkMetaData> chunks = new HashMap<>();
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
            chunks.put(chunk.getPath(), chunk);
        }
        List<ColumnJob> jobs = new ArrayList<>(plan.transforms.size() + 1);
        for (int t = 0; t < plan.transforms.size(); t++) {
            ColumnTransform transform = plan.transforms.get(t);
            if (transform.source == null) {
                jobs.add(new ColumnJob(t, props, 0, slices, false, (worker, out) -> {
                    transform.startRowGroup(g);
                    for (long r = 0; r < rows; r++) {
                        transform.writeFill(out.writer);
                        out.endRecord();
                    }
                }));
                continue;
            }
            ColumnChunkMetaData chunk = chunks.get(ColumnPath.get(transform.source.leaf().getPath()));
            long bytes = chunk == null ? 0 : chunk.getTotalSize();
            boolean byId = transform.isTextToText() && allDictionaryIds(chunk);
            String delimiter = plan.delimiters.get(transform.source.name());
            jobs.add(new ColumnJob(t, props, bytes, slices, byId, (worker, out) -> {
                transform.startRowGroup(g);
                SourceCursor cursor = openColumn(worker.reader, g, rows, transform.source, delimiter, byId, createdBy, label);
                try {
                    if (byId) {
                        TextByDictionaryId text = new TextByDictionaryId(transform, cursor.dictionary());
                        for (long r = 0; r < rows; r++) {
                            cursor.next();
                            text.write(cursor, out.ids);
                            out.endRecord();
                        }
                    } else {
                        for (long r = 0; r < rows; r++) {
                            cursor.next();
                            transform.write(cursor, out.writer);
                            out.endRecord();
                        }
                    }
                    cursor.finish();
                } catch (TransformException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // decoding failed inside a page (a bad decompression, level or value encoding)
                    throw corrupt(label, g, transform.source, e);
                }
            }));
        }
        jobs.add(new ColumnJob(plan.transforms.size(), props, 0, slices, false, (worker, out) -> {
            for (long r = 0; r < rows; r++) {
                out.writer.write(key, 0, 1);
                out.endRecord();
            }
        }));
        return jobs;
    }

    /**
     * Whether every data page of the chunk is dictionary-encoded by its own metadata (writers that give no encoding
     * stats are read value by value).
     */
    static boolean allDictionaryIds(ColumnChunkMetaData chunk) {
        EncodingStats stats = chunk == null ? null : chunk.getEncodingStats();
        return stats != null && stats.hasDictionaryPages() && stats.hasDictionaryEncodedPages()
                && !stats.hasNonDictionaryEncodedPages();
    }

    /**
     * The input is a downloaded copy: an unreadable footer means the object itself is not (complete) Parquet, or
     * carries metadata this parquet-hadoop cannot read (a logical type newer than it fails with a bare NullPointerException).
     */
    static ParquetFileReader openSource(Path in, ParquetReadOptions options, String label) {
        try {
            return ParquetFileReader.open(new NamedInputFile(in, label), options);
        } catch (IOException | RuntimeException e) {
            throw new TransformException("Not a readable Parquet file: " + label + ": " + FailureMessage.of(e), e);
        }
    }

    /**
     * Reads only this source's column chunk of the row group: the input held in memory is one compressed chunk. A
     * chunk that cannot be read from the local copy (a failed checksum, a page that does not decompress, a short
     * dictionary) is a corrupt object, never a transient fault.
     */
    static SourceCursor openColumn(ParquetFileReader reader, int rowGroup, long rows, SourceColumn source,
                                   String delimiter, boolean byId, String createdBy, String label) {
        MessageType single = new MessageType("source", source.field());
        reader.setRequestedSchema(single);
        try {
            PageReadStore pages = new CheckedPages(reader.readRowGroup(rowGroup));
            NoOpConverters converters = byId ? NoOpConverters.byId(single) : new NoOpConverters(single);
            ColumnReadStoreImpl columns = new ColumnReadStoreImpl(pages, converters, single, createdBy);
            SourceCursor cursor = new SourceCursor(source, columns.getColumnReader(source.leaf()), delimiter);
            if (byId) {
                Dictionary dictionary = converters.dictionary();
                if (dictionary == null) {
                    throw new CorruptPageException("the chunk has no dictionary page, though its encoding stats say "
                            + "every page is dictionary-encoded");
                }
                cursor.readIds(dictionary);
            }
            long values = pages.getPageReader(source.leaf()).getTotalValueCount();
            if (source.kind() != SourceKind.STRING_LIST && values != rows) {
                throw new CorruptPageException("the column chunk holds " + values + " values for " + rows + " rows");
            }
            return cursor;
        } catch (IOException | RuntimeException e) {
            throw corrupt(label, rowGroup, source, e);
        }
    }

    /** One line naming the file, the row group and the column, with what was wrong with the chunk. */
    private static TransformException corrupt(String label, int rowGroup, SourceColumn source, Exception e) {
        Throwable reason = e;
        // parquet-column's "could not read page Page [...] in col [...]" only wraps what went wrong
        while (reason instanceof ParquetDecodingException && reason.getCause() != null) {
            reason = reason.getCause();
        }
        String what = reason instanceof CorruptPageException ? reason.getMessage() : FailureMessage.of(reason);
        return new TransformException("Corrupt Parquet data in " + label + ", row group " + rowGroup + ", column '"
                + source.name() + "': " + what, e);
    }

    /** Writes the values of one output column of the current input row group, calling endRecord() after each. */
    private interface ColumnFiller {
        void fill(Worker worker, SlicedChunks out) throws IOException;
    }

    /** What a column job needs that is not thread-safe: its own reader of the source file and its own compressor. */
    private static final class Worker {
        final ParquetFileReader reader;
        final CodecFactory codecs;
        final BytesInputCompressor compressor;

        Worker(ParquetFileReader reader, CodecFactory codecs, CompressionCodecName codec) {
            this.reader = reader;
            this.codecs = codecs;
            this.compressor = codecs.getCompressor(codec);
        }

        /** Releases the compressor and closes the reader unless it is {@code shared} (the caller closes that one). */
        void close(ParquetFileReader shared) throws IOException {
            codecs.release();
            if (reader != shared) {
                reader.close();
            }
        }
    }

    /**
     * Writes output column {@code index} of an input row group into chunks of its own, one per output row group,
     * returned for the caller to append in schema order.
     */
    private final class ColumnJob implements ColumnPipeline.Job<Worker, List<ColumnChunkPageWriteStore>> {
        private final int index;
        private final ParquetProperties props;
        private final long bytes;
        private final long[] slices;
        private final boolean byId;
        private final ColumnFiller values;

        ColumnJob(int index, ParquetProperties props, long bytes, long[] slices, boolean byId, ColumnFiller values) {
            this.index = index;
            this.props = props;
            this.bytes = bytes;
            this.slices = slices;
            this.byId = byId;
            this.values = values;
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public List<ColumnChunkPageWriteStore> run(Worker worker) throws IOException {
            MessageType single = new MessageType(outputSchema.getName(), outputSchema.getType(index));
            SlicedChunks out = new SlicedChunks(worker.compressor, single, props, slices, byId);
            values.fill(worker, out);
            return out.chunks();
        }
    }

    /**
     * One output column's chunks for consecutive output row groups of {@code slices} rows each: {@link #writer} (or
     * {@link #ids}, for a column written by dictionary id) is the current one's, and {@link #endRecord()} moves to the
     * next chunk when the current one is full.
     */
    private static final class SlicedChunks {
        private final BytesInputCompressor compressor;
        private final MessageType single;
        private final ParquetProperties props;
        private final long[] slices;
        private final boolean byId;
        private final List<ColumnChunkPageWriteStore> chunks = new ArrayList<>();
        private ColumnChunkPageWriteStore pages;
        private ColumnWriteStoreV1 store;
        private long rowsLeft;
        ColumnWriter writer;
        DictionaryIdWriter ids;

        SlicedChunks(BytesInputCompressor compressor, MessageType single, ParquetProperties props, long[] slices,
                     boolean byId) {
            this.compressor = compressor;
            this.single = single;
            this.props = props;
            this.slices = slices;
            this.byId = byId;
            open();
        }

        private void open() {
            pages = new ColumnChunkPageWriteStore(compressor, single, HeapByteBufferAllocator.getInstance(),
                    ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH, false);
            ColumnDescriptor column = single.getColumns().get(0);
            if (byId) {
                ids = new DictionaryIdWriter(pages.getPageWriter(column), column.getPrimitiveType(),
                        props.getPageRowCountLimit());
            } else {
                store = new ColumnWriteStoreV1(single, pages, props);
                writer = store.getColumnWriter(column);
            }
            rowsLeft = slices[chunks.size()];
        }

        void endRecord() throws IOException {
            if (!byId) {
                store.endRecord();
            }
            if (--rowsLeft == 0) {
                if (byId) {
                    ids.close();
                } else {
                    store.close();
                }
                chunks.add(pages);
                if (chunks.size() < slices.length) {
                    open();
                }
            }
        }

        List<ColumnChunkPageWriteStore> chunks() {
            if (chunks.size() != slices.length) {
                throw new IllegalStateException("column written with " + chunks.size() + " of " + slices.length + " row groups");
            }
            return chunks;
        }
    }

    /**
     * The output row groups of an input row group: itself, or when it is small enough to be held whole ({@link #SPLIT_ROW_GROUP_BYTES}), even parts of at most {@link #OUTPUT_ROW_GROUP_ROWS} rows.
     */
    static long[] slices(long rows, long compressedBytes) {
        if (rows <= OUTPUT_ROW_GROUP_ROWS || compressedBytes > SPLIT_ROW_GROUP_BYTES) {
            return new long[] {rows};
        }
        int parts = (int) ((rows + OUTPUT_ROW_GROUP_ROWS - 1) / OUTPUT_ROW_GROUP_ROWS);
        long[] slices = new long[parts];
        for (int i = 0; i < parts; i++) {
            slices[i] = rows / parts + (i < rows % parts ? 1 : 0);
        }
        return slices;
    }

    private void checkUnconvertible(Plan plan, long rows, String label) {
        if (rows == 0) {
            return;
        }
        for (ColumnTransform t : plan.transforms) {
            double ratio = (double) t.unconvertibleCount() / rows;
            if (ratio > contract.maxUnconvertibleRatio()) {
                throw new TransformException(String.format(java.util.Locale.ROOT,
                        "Column '%s' of %s: %d of %d values (%.2f%%) of source '%s' (%s) cannot be converted to %s; "
                                + "the limit is %.2f%%", t.column.name(), label, t.unconvertibleCount(), rows,
                        100 * ratio, t.source.name(), t.source.describe(), t.column.type(),
                        100 * contract.maxUnconvertibleRatio()));
            }
        }
    }

    /** Resolves the contract against one file's schema: sources, conversions, projection, dropped columns. */
    private Plan plan(MessageType fileSchema, String label) {
        Map<String, SourceColumn> sources = new LinkedHashMap<>();
        Map<String, String> delimiters = new LinkedHashMap<>();
        List<ColumnTransform> transforms = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        for (ContractColumn c : contract.columns()) {
            if (!fileSchema.containsField(c.source()) && contract.fillsWhenMissing(c)) {
                // schema drift the contract accepts: the column takes its fill, the report and audit row name it
                transforms.add(new ColumnTransform(c, null, contract.overflow(), contract.invalidUtf8(), label));
                filled.add(c.name());
                continue;
            }
            SourceColumn s = sources.computeIfAbsent(c.source(), name -> SourceColumn.resolve(fileSchema, name, label));
            transforms.add(new ColumnTransform(c, s, contract.overflow(), contract.invalidUtf8(), label));
            if (c.delimiter() != null) {
                String previous = delimiters.putIfAbsent(c.source(), c.delimiter());
                if (previous != null && !previous.equals(c.delimiter())) {
                    throw new TransformException("Columns from list source '" + c.source() + "' must use one delimiter");
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        for (Type f : fileSchema.getFields()) {
            if (!sources.containsKey(f.getName())) {
                dropped.add(f.getName());
            }
        }
        return new Plan(transforms, delimiters, dropped, filled);
    }

    private record Plan(List<ColumnTransform> transforms, Map<String, String> delimiters, List<String> dropped,
                        List<String> filled) {
    }
}
