package com.europages.loadbce.transform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes one output chunk of an optional, never-null binary column from dictionary ids, in the layout parquet-mr's v1
 * writer gives a dictionary-encoded chunk: data pages of definition levels and RLE/bit-packed ids, page statistics,
 * and size statistics, then the dictionary page (values in the order they were added). Its caller hashes nothing: it
 * maps ids it already has.
 */
final class DictionaryIdWriter {
    private static final int DEFINED = 1;

    private final PageWriter pages;
    private final PrimitiveType type;
    private final int[] ids;
    private final List<Binary> values = new ArrayList<>();
    /** Per dictionary id, the number of the last page that used it: its value then counts in that page's statistics. */
    private int[] lastPage = new int[64];
    private int page = 1;
    private int count;
    private Statistics<?> statistics;
    private SizeStatistics.Builder sizes;

    /** @param pageRows values per data page */
    DictionaryIdWriter(PageWriter pages, PrimitiveType type, int pageRows) {
        this.pages = pages;
        this.type = type;
        this.ids = new int[pageRows];
        this.statistics = Statistics.createStats(type);
        this.sizes = SizeStatistics.newBuilder(type, 0, DEFINED);
    }

    /** Adds a value to the dictionary; returns its id. */
    int add(Binary value) {
        int id = values.size();
        values.add(value);
        if (id == lastPage.length) {
            lastPage = Arrays.copyOf(lastPage, id * 2);
        }
        return id;
    }

    /** Writes the value of dictionary id {@code id} as the next row. */
    void write(int id) throws IOException {
        Binary value = values.get(id);
        if (lastPage[id] != page) {
            lastPage[id] = page;
            statistics.updateStats(value);
        }
        sizes.add(0, DEFINED, value);
        ids[count++] = id;
        if (count == ids.length) {
            writePage();
        }
    }

    /** Writes the last page and the dictionary; the chunk is then complete. */
    void close() throws IOException {
        if (count > 0) {
            writePage();
        }
        ByteArrayOutputStream dictionary = new ByteArrayOutputStream();
        for (Binary v : values) {
            BytesUtils.writeIntLittleEndian(dictionary, v.length());
            v.writeTo(dictionary);
        }
        pages.writeDictionaryPage(new DictionaryPage(BytesInput.from(dictionary.toByteArray()), values.size(),
                Encoding.PLAIN_DICTIONARY));
    }

    private void writePage() throws IOException {
        int bitWidth = BytesUtils.getWidthFromMaxInt(values.size() - 1);
        try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth,
                Math.max(64, count * bitWidth / 8), Math.max(64, count * 4 + 64), HeapByteBufferAllocator.getInstance())) {
            for (int i = 0; i < count; i++) {
                encoder.writeInt(ids[i]);
            }
            // a copy: the page writer may keep the bytes it is given (an uncompressed page) after the encoder is closed
            BytesInput data = BytesInput.concat(definitionLevels(count), BytesInput.from(new byte[] {(byte) bitWidth}),
                    BytesInput.from(encoder.toBytes().toByteArray()));
            // text, never geometry: no geospatial statistics, as parquet's own writer gives a text column
            pages.writePage(data, count, count, statistics, sizes.build(), GeospatialStatistics.noopBuilder().build(),
                    Encoding.BIT_PACKED, Encoding.RLE, Encoding.PLAIN_DICTIONARY);
        }
        statistics = Statistics.createStats(type);
        sizes = SizeStatistics.newBuilder(type, 0, DEFINED);
        count = 0;
        page++;
    }

    /** {@code n} definition levels of 1 (defined), as one length-prefixed RLE run of bit width 1. */
    static BytesInput definitionLevels(int n) throws IOException {
        ByteArrayOutputStream run = new ByteArrayOutputStream(8);
        BytesUtils.writeUnsignedVarInt(n << 1, run);
        run.write(DEFINED);
        ByteArrayOutputStream levels = new ByteArrayOutputStream(12);
        BytesUtils.writeIntLittleEndian(levels, run.size());
        run.writeTo(levels);
        return BytesInput.from(levels.toByteArray());
    }
}
