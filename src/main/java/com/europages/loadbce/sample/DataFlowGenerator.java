package com.europages.loadbce.sample;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes deterministic Piano-like Data Flow files (seeded): skewed strings, realistic nulls, NaN and a few bad values,
 * named like the real exports so the default file-name regex accepts them.
 */
public final class DataFlowGenerator {

    /** Company ids of the events are drawn from 1..this; the BCE table holds about 90% of them. */
    public static final int COMPANY_ID_RANGE = 20_000;

    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private final GeneratorOptions options;
    private final MessageType schema;

    public DataFlowGenerator(GeneratorOptions options) {
        this.options = options;
        this.schema = CustomProperties.append(PianoEventSchema.SCHEMA, options.customColumns());
    }

    /** The schema of the files written: the Piano columns, then the custom properties asked for. */
    public MessageType schema() {
        return schema;
    }

    /** The file name of one hourly part, as Piano names them. */
    public static String fileName(LocalDate day, int hour, int part) {
        return String.format("dataflow_europages_%s_%02d_%d.parquet", day.format(DateTimeFormatter.BASIC_ISO_DATE), hour, part);
    }

    /**
     * Writes {@code filesPerHour} files for each hour of the day, {@code rowsPerDay} rows in all; returns them in order.
     * Files are written in parallel, one per core: each depends only on its own arguments, so the day is the same.
     */
    public List<Path> generateDay(LocalDate day, Path dir, int filesPerHour, long rowsPerDay) throws IOException {
        return generateDay(day, dir, filesPerHour, rowsPerDay, Runtime.getRuntime().availableProcessors());
    }

    /** The same with {@code threads} writers at once (tests use more threads than cores to make races likely). */
    List<Path> generateDay(LocalDate day, Path dir, int filesPerHour, long rowsPerDay, int threads) throws IOException {
        Files.createDirectories(dir);
        int files = 24 * filesPerHour;
        List<Path> out = new ArrayList<>();
        List<Callable<Void>> writes = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            long rows = rowsPerDay / files + (i < rowsPerDay % files ? 1 : 0);
            int hour = i / filesPerHour;
            int part = i % filesPerHour + 1;
            Path file = dir.resolve(fileName(day, hour, part));
            writes.add(() -> {
                writeFile(file, day, hour, part, rows);
                return null;
            });
            out.add(file);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(files, threads));
        try {
            for (Future<Void> write : pool.invokeAll(writes)) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("generation interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** Writes one file of {@code rows} events of the given hour; the content depends only on the options' seed and the arguments. */
    public void writeFile(Path file, LocalDate day, int hour, int part, long rows) throws IOException {
        long seed = options.seed() * 1_000_003L + day.toEpochDay() * 997L + hour * 31L + part;
        EventFactory factory = new EventFactory(new SplittableRandom(seed), day, hour, part);
        EventRow row = new EventRow(schema);
        int standard = PianoEventSchema.SCHEMA.getFieldCount();
        CustomProperties custom = new CustomProperties(standard, schema.getFieldCount() - standard,
                new SplittableRandom(~seed));
        Files.deleteIfExists(file);
        Builder builder = new Builder(new LocalOutputFile(file), schema)
                // a Hadoop Configuration would parse Hadoop's XML defaults again for every file
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(options.codec())
                .withRowGroupSize(options.rowGroupBytes())
                .withWriterVersion(options.writerVersion())
                .withDictionaryEncoding(options.dictionary())
                .withByteStreamSplitEncoding(options.byteStreamSplit());
        for (int i = 1; i <= options.customColumns(); i++) {
            if (CustomProperties.kind(i).nearlyUnique()) {
                // a dictionary of nearly unique numbers grows to its 1 MB page limit, held meanwhile in a hash map
                // several times that size: hundreds of them at once do not fit a small heap, and fall back anyway
                builder.withDictionaryEncoding(CustomProperties.name(i), false);
            }
        }
        try (ParquetWriter<EventRow> writer = builder.build()) {
            for (long r = 0; r < rows; r++) {
                factory.fill(row, r);
                custom.fill(row);
                writer.write(row);
            }
        }
    }

    /** INT96 as Hive/Spark/Impala write it: nanos of the day then the Julian day, little endian. */
    static Binary int96(long epochMicros) {
        long days = Math.floorDiv(epochMicros, 86_400_000_000L);
        long nanosOfDay = Math.floorMod(epochMicros, 86_400_000_000L) * 1000;
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt((int) (days + JULIAN_EPOCH_DAY));
        return Binary.fromConstantByteArray(b.array());
    }

    static long dayStartMicros(LocalDate day) {
        return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    }

    private static final class Builder extends ParquetWriter.Builder<EventRow, Builder> {
        private final MessageType schema;

        Builder(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<EventRow> getWriteSupport(Configuration conf) {
            return new PianoEventWriteSupport(schema);
        }

        @Override
        protected WriteSupport<EventRow> getWriteSupport(ParquetConfiguration conf) {
            return new PianoEventWriteSupport(schema);
        }
    }
}
