package com.europages.loadbce.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.impl.ColumnWriteStoreV1;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Transforms one Data Flow Parquet file into the contract's table, column at a time: per row group, each source
 * column chunk is decoded with parquet-column's ColumnReader, converted, and written with a ColumnWriter into an
 * output row group; no row is ever assembled. Memory is one input row group (only the contract's columns) plus one
 * output row group, whatever the file size.
 */
public final class ParquetTransformer {
    private static final int PAGE_SIZE = 1024 * 1024;
    private static final long FIRST_SLICE_ROWS = 100_000;

    private final ColumnContract contract;
    private final CompressionCodecName codec;
    private final long rowGroupBytes;
    private final MessageType outputSchema;

    public ParquetTransformer(ColumnContract contract, CompressionCodecName codec, long rowGroupBytes) {
        this.contract = Objects.requireNonNull(contract);
        this.codec = codec;
        this.rowGroupBytes = rowGroupBytes;
        this.outputSchema = OutputSchema.of(contract);
    }

    public ParquetTransformer(ColumnContract contract) {
        this(contract, CompressionCodecName.SNAPPY, 128L * 1024 * 1024);
    }

    public MessageType outputSchema() {
        return outputSchema;
    }

    /**
     * Reads {@code in}, writes {@code out} (replaced if present) and returns the report. On any error the output is
     * deleted; a {@link TransformException} names the column and the file (by its source key).
     */
    public TransformReport transform(Path in, Path out, String sourceKey) throws IOException {
        long started = System.nanoTime();
        String label = sourceKey == null || sourceKey.isEmpty() ? in.toString() : sourceKey;
        try {
            return run(in, out, sourceKey == null ? "" : sourceKey, label, started);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            if (e instanceof TransformException || e instanceof IOException) {
                throw e;
            }
            throw new TransformException("Cannot transform " + label + ": " + e, e);
        }
    }

    private TransformReport run(Path in, Path out, String sourceKey, String label, long started) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        ParquetReadOptions readOptions = ParquetReadOptions.builder(conf).build();
        try (ParquetFileReader reader = openSource(in, readOptions, label)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            Plan plan = plan(fileSchema, label);
            reader.setRequestedSchema(plan.projection);

            CodecFactory codecs = new CodecFactory(conf, PAGE_SIZE);
            ParquetProperties props = ParquetProperties.builder()
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                    .withPageSize(PAGE_SIZE)
                    .withDictionaryPageSize(PAGE_SIZE)
                    .withDictionaryEncoding(true)
                    .build();
            Binary key = Binary.fromConstantByteArray(sourceKey.getBytes(StandardCharsets.UTF_8));
            if (key.length() > ColumnContract.SOURCE_KEY_TYPE.length()) {
                throw new TransformException("Source key of " + label + " is longer than " + ColumnContract.SOURCE_KEY_TYPE);
            }
            long rowsIn = 0;
            int groupsIn = 0;
            int groupsOut = 0;
            long sliceRows = FIRST_SLICE_ROWS;
            try (ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(out), outputSchema,
                    ParquetFileWriter.Mode.OVERWRITE, rowGroupBytes, 0)) {
                writer.start();
                BytesInputCompressor compressor = codecs.getCompressor(codec);
                PageReadStore rowGroup;
                while ((rowGroup = nextRowGroup(reader, label)) != null) {
                    groupsIn++;
                    long rows = rowGroup.getRowCount();
                    ColumnReadStoreImpl columns = new ColumnReadStoreImpl(rowGroup, new NoOpConverters(plan.projection),
                            plan.projection, createdBy);
                    List<SourceCursor> cursors = new ArrayList<>();
                    for (SourceGroup g : plan.groups) {
                        cursors.add(new SourceCursor(g.source, columns.getColumnReader(g.source.leaf()), g.delimiter));
                    }
                    for (long done = 0; done < rows; ) {
                        long n = Math.min(rows - done, sliceRows);
                        long before = writer.getPos();
                        writeRowGroup(writer, compressor, props, plan, cursors, n, key);
                        long bytesPerRow = Math.max(1, (writer.getPos() - before) / n);
                        // later output row groups aim at the configured size, measured on what was just written
                        sliceRows = Math.max(10_000, rowGroupBytes / bytesPerRow);
                        done += n;
                        groupsOut++;
                    }
                    rowsIn += rows;
                }
                codecs.release();
                checkUnconvertible(plan, rowsIn, label);
                writer.end(Map.of("load-bce-to-s3.source_key", sourceKey));
            }
            Map<String, ColumnCounts> counts = new LinkedHashMap<>();
            for (ColumnTransform t : plan.transforms) {
                counts.put(t.column.name(), t.counts());
            }
            return new TransformReport(sourceKey, out, rowsIn, rowsIn, groupsIn, groupsOut, plan.dropped, counts,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The input is a downloaded copy: an unreadable footer means the object itself is not (complete) Parquet. */
    private static ParquetFileReader openSource(Path in, ParquetReadOptions options, String label) {
        try {
            return ParquetFileReader.open(new LocalInputFile(in), options);
        } catch (IOException e) {
            throw new TransformException("Not a readable Parquet file: " + label + ": " + e.getMessage(), e);
        }
    }

    /** A row group that cannot be read from the local copy is a truncated or corrupt object, never a transient fault. */
    private static PageReadStore nextRowGroup(ParquetFileReader reader, String label) {
        try {
            return reader.readNextRowGroup();
        } catch (IOException e) {
            throw new TransformException("Corrupt Parquet data in " + label + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code rows} rows of every column, each column in turn, as one output row group. */
    private void writeRowGroup(ParquetFileWriter writer, BytesInputCompressor compressor, ParquetProperties props,
                               Plan plan, List<SourceCursor> cursors, long rows, Binary key) throws IOException {
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(compressor, outputSchema,
                HeapByteBufferAllocator.getInstance(), ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH, false);
        List<ColumnDescriptor> descriptors = outputSchema.getColumns();
        ColumnWriteStoreV1[] stores = new ColumnWriteStoreV1[descriptors.size()];
        ColumnWriter[] writers = new ColumnWriter[descriptors.size()];
        for (int i = 0; i < stores.length; i++) {
            // one store per column: its endRecord() drives that column's page flushes while we write it alone
            MessageType single = new MessageType(outputSchema.getName(), outputSchema.getType(i));
            stores[i] = new ColumnWriteStoreV1(single, pages, props);
            writers[i] = stores[i].getColumnWriter(descriptors.get(i));
        }
        for (int g = 0; g < plan.groups.size(); g++) {
            SourceCursor cursor = cursors.get(g);
            int[] targets = plan.groups.get(g).targets;
            if (targets.length == 1) {
                int t = targets[0];
                ColumnTransform transform = plan.transforms.get(t);
                ColumnWriter w = writers[t];
                ColumnWriteStoreV1 store = stores[t];
                for (long r = 0; r < rows; r++) {
                    cursor.next();
                    transform.write(cursor, w);
                    store.endRecord();
                }
            } else {
                for (long r = 0; r < rows; r++) {
                    cursor.next();
                    for (int t : targets) {
                        plan.transforms.get(t).write(cursor, writers[t]);
                        stores[t].endRecord();
                    }
                }
            }
        }
        int keyColumn = stores.length - 1;
        for (long r = 0; r < rows; r++) {
            writers[keyColumn].write(key, 0, 1);
            stores[keyColumn].endRecord();
        }
        for (ColumnWriteStoreV1 s : stores) {
            s.close();
        }
        writer.startBlock(rows);
        pages.flushToFileWriter(writer);
        writer.endBlock();
        pages.close();
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
        Map<String, List<Integer>> targetsBySource = new LinkedHashMap<>();
        Map<String, String> delimiters = new LinkedHashMap<>();
        List<ColumnTransform> transforms = new ArrayList<>();
        for (ContractColumn c : contract.columns()) {
            SourceColumn s = sources.computeIfAbsent(c.source(), name -> SourceColumn.resolve(fileSchema, name, label));
            transforms.add(new ColumnTransform(c, s, contract.overflow(), label));
            targetsBySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(transforms.size() - 1);
            if (c.delimiter() != null) {
                String previous = delimiters.putIfAbsent(c.source(), c.delimiter());
                if (previous != null && !previous.equals(c.delimiter())) {
                    throw new TransformException("Columns from list source '" + c.source() + "' must use one delimiter");
                }
            }
        }
        List<SourceGroup> groups = new ArrayList<>();
        sources.forEach((name, s) -> groups.add(new SourceGroup(s,
                targetsBySource.get(name).stream().mapToInt(Integer::intValue).toArray(), delimiters.get(name))));
        List<Type> projected = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Type f : fileSchema.getFields()) {
            if (sources.containsKey(f.getName())) {
                projected.add(f);
            } else {
                dropped.add(f.getName());
            }
        }
        return new Plan(transforms, groups, new MessageType(fileSchema.getName(), projected), dropped);
    }

    private record SourceGroup(SourceColumn source, int[] targets, String delimiter) {
    }

    private record Plan(List<ColumnTransform> transforms, List<SourceGroup> groups, MessageType projection,
                        List<String> dropped) {
    }
}
