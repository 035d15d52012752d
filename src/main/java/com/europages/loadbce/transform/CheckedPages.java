package com.europages.loadbce.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.PrimitiveIterator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A row group's pages whose dictionary pages are checked before a column reader decodes them: a dictionary must hold
 * exactly the number of values its header gives in exactly its bytes. parquet-column does not check it, and a short
 * dictionary decodes into wrong values or a bare IndexOutOfBoundsException.
 */
final class CheckedPages implements PageReadStore {
    private final PageReadStore pages;

    CheckedPages(PageReadStore pages) {
        this.pages = pages;
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor column) {
        PageReader reader = pages.getPageReader(column);
        return new PageReader() {
            @Override
            public DictionaryPage readDictionaryPage() {
                return checked(reader.readDictionaryPage(), column);
            }

            @Override
            public long getTotalValueCount() {
                return reader.getTotalValueCount();
            }

            @Override
            public DataPage readPage() {
                return reader.readPage();
            }
        };
    }

    @Override
    public long getRowCount() {
        return pages.getRowCount();
    }

    @Override
    public Optional<Long> getRowIndexOffset() {
        return pages.getRowIndexOffset();
    }

    @Override
    public Optional<PrimitiveIterator.OfLong> getRowIndexes() {
        return pages.getRowIndexes();
    }

    @Override
    public void close() {
        pages.close();
    }

    /** The page, its plain-encoded values counted against its header; a mismatch is a {@link CorruptPageException}. */
    static DictionaryPage checked(DictionaryPage page, ColumnDescriptor column) {
        if (page == null) {
            return null;
        }
        Encoding encoding = page.getEncoding();
        if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
            throw new CorruptPageException("dictionary page encoded " + encoding + ", not PLAIN");
        }
        byte[] bytes;
        try {
            bytes = page.getBytes().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int declared = page.getDictionarySize();
        PrimitiveType type = column.getPrimitiveType();
        int width = switch (type.getPrimitiveTypeName()) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            case INT96 -> 12;
            case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
            case BINARY -> -1;
            case BOOLEAN -> throw new CorruptPageException("a boolean column has a dictionary page");
        };
        long held = width > 0 ? bytes.length / width : binaryValues(bytes, declared);
        boolean exact = width > 0 ? (long) width * declared == bytes.length : held == declared;
        if (declared < 0 || !exact) {
            throw new CorruptPageException("dictionary page holds " + (held < 0 ? "more than " + declared : held)
                    + " values in " + bytes.length + " bytes, its header says " + declared);
        }
        return new DictionaryPage(BytesInput.from(bytes), page.getUncompressedSize(), declared, encoding);
    }

    /**
     * How many length-prefixed values the bytes hold when at most {@code declared} are read: {@code declared} only if
     * they end exactly at the last byte; -1 when bytes remain after them.
     */
    private static long binaryValues(byte[] b, int declared) {
        int offset = 0;
        long count = 0;
        while (count < declared) {
            if (offset + 4 > b.length) {
                return count;
            }
            int length = (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16 | (b[offset + 3] & 0xFF) << 24;
            if (length < 0 || length > b.length - offset - 4) {
                return count;
            }
            offset += 4 + length;
            count++;
        }
        return offset == b.length ? count : -1;
    }
}
