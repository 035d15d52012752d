package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A text column whose source chunk is dictionary-encoded throughout is written from its dictionary ids: the same rows,
 * counts and statistics as when the same values are read one by one, each output chunk's dictionary holding the values
 * its rows use; a page that refers past its dictionary is corrupt.
 */
class DictionaryEncodedTextTest {
    private static final String SCHEMA = """
            message m {
              optional binary s (STRING);
              optional binary raw;
            }""";
    /** Nulls, an empty text, invalid UTF-8, values longer than varchar(5) and values that truncate to the same text. */
    private static final Object[] POOL = {"alpha", null, "", ParquetFiles.bytes(0xC3, 0x28), "héllo wörld", "beta",
        "alphabet", "alphabetical", ParquetFiles.bytes(0x61, 0xFF, 0x62), "z"};
    /** More rows than one output row group: the input row group is cut into several, each with its own dictionary. */
    private static final int ROWS = 40_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"replace", "unconvertible"})
    void givesTheRowsCountsAndStatisticsOfTheValueByValueTransform(String invalidUtf8) throws Exception {
        Path byId = transform(input("dictionary.parquet", true), "dictionary-out.parquet", invalidUtf8);
        Path byValue = transform(input("plain.parquet", false), "plain-out.parquet", invalidUtf8);
        assertThat(ParquetTransformer.allDictionaryIds(ParquetFiles.chunk(dir.resolve("dictionary.parquet"), 0, "s"))).isTrue();
        assertThat(ParquetTransformer.allDictionaryIds(ParquetFiles.chunk(dir.resolve("plain.parquet"), 0, "s"))).isFalse();

        assertThat(rows(byId)).hasSize(ROWS).isEqualTo(rows(byValue));
        assertThat(reports.get(0).columns()).isEqualTo(reports.get(1).columns());
        assertThat(reports.get(0).columns().get("short_s").truncated()).isPositive();
        try (ParquetFileReader a = ParquetFileReader.open(new LocalInputFile(byId));
             ParquetFileReader b = ParquetFileReader.open(new LocalInputFile(byValue))) {
            assertThat(a.getRowGroups()).hasSizeGreaterThan(1).hasSameSizeAs(b.getRowGroups());
            for (int g = 0; g < a.getRowGroups().size(); g++) {
                for (String column : List.of("s", "short_s", "raw")) {
                    ColumnChunkMetaData x = chunk(a.getRowGroups().get(g), column);
                    ColumnChunkMetaData y = chunk(b.getRowGroups().get(g), column);
                    assertThat(x.getStatistics()).as("%s in row group %d", column, g).isEqualTo(y.getStatistics());
                    assertThat(sizes(x)).as("size statistics of %s in row group %d", column, g).isEqualTo(sizes(y));
                    assertThat(x.getValueCount()).isEqualTo(y.getValueCount());
                    assertThat(ParquetTransformer.allDictionaryIds(x)).isTrue();
                }
            }
        }
    }

    @Test
    void eachOutputChunksDictionaryHoldsTheValuesItsRowsUseOnce() throws Exception {
        // the first output row group only sees two values, the others all of them
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String v = i < 20_000 ? (i % 2 == 0 ? "a" : "b") : "v" + (i % 50);
            rows.add(g -> g.add("s", v));
        }
        Path in = ParquetFiles.write(dir.resolve("in.parquet"), SCHEMA, rows);
        Path out = transform(in, "out.parquet", "replace");

        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(out))) {
            ColumnDescriptor s = r.getFooter().getFileMetaData().getSchema().getColumnDescription(new String[] {"s"});
            List<Set<String>> used = new ArrayList<>();
            for (List<Group> group : rowsByGroup(out)) {
                Set<String> values = new HashSet<>();
                group.forEach(row -> values.add(row.getString("s", 0)));
                used.add(values);
            }
            for (int g = 0; g < used.size(); g++) {
                PageReadStore pages = r.readNextRowGroup();
                DictionaryPage page = pages.getPageReader(s).readDictionaryPage();
                Dictionary d = page.getEncoding().initDictionary(s, page);
                Set<String> entries = new HashSet<>();
                for (int id = 0; id <= d.getMaxId(); id++) {
                    entries.add(d.decodeToBinary(id).toStringUsingUTF8());
                }
                assertThat(entries).as("row group %d", g).hasSize(d.getMaxId() + 1).isEqualTo(used.get(g));
            }
            assertThat(used.get(0)).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void aValueReferringPastItsDictionaryIsCorrupt() throws Exception {
        // three entries: ids are 2 bits wide; the 8 values are one bit-packed group of 2 bytes after the run header
        List<Consumer<Group>> rows = new ArrayList<>();
        for (String v : new String[] {"a", "b", "c", "a", "a", "a", "a", "a"}) {
            rows.add(g -> g.add("s", v));
        }
        Path in = ParquetFiles.write(dir.resolve("in.parquet"), "message m { required binary s (STRING); }", rows,
                b -> b.withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withPageWriteChecksumEnabled(false));
        ParquetFiles.Page data = ParquetFiles.next(in, ParquetFiles.firstPage(in, 0, "s"));
        ParquetFiles.write(in, data.dataOffset() + 2, new byte[] {(byte) 0xFF}); // ids 3, 3, 3, 3
        assertThat(ParquetTransformer.allDictionaryIds(ParquetFiles.chunk(in, 0, "s"))).isTrue();

        ColumnContract contract = ColumnContract.parse("columns:\n  - {name: s, type: varchar(5)}\n", "t");
        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, dir.resolve("out.parquet"), "staging/f.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessage("Corrupt Parquet data in staging/f.parquet, row group 0, column 's': a value refers to "
                        + "entry 3 of a dictionary of 3");
    }

    private final List<TransformReport> reports = new ArrayList<>();

    private Path transform(Path in, String name, String invalidUtf8) throws IOException {
        ColumnContract contract = ColumnContract.parse("""
                columns:
                  - {name: s, type: varchar(20)}
                  - {name: short_s, source: s, type: varchar(5), fill: "-"}
                  - {name: raw, type: varchar(20)}
                invalid_utf8: %s
                max_unconvertible_ratio: 1
                """.formatted(invalidUtf8), "t");
        Path out = dir.resolve(name);
        reports.add(new ParquetTransformer(contract, CompressionCodecName.SNAPPY, 2).transform(in, out, "k"));
        return out;
    }

    private Path input(String name, boolean dictionary) throws IOException {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Object v = POOL[(i * 7 + i / 1000) % POOL.length];
            Object w = POOL[(i * 3) % POOL.length];
            rows.add(g -> {
                add(g, "s", v);
                add(g, "raw", w);
            });
        }
        return ParquetFiles.write(dir.resolve(name), SCHEMA, rows, b -> b.withDictionaryEncoding(dictionary));
    }

    private static void add(Group g, String field, Object value) {
        if (value instanceof String s) {
            g.add(field, s);
        } else if (value instanceof Binary b) {
            g.add(field, b);
        }
    }

    /** What a chunk's size statistics say, or that it has none. */
    private static List<Object> sizes(ColumnChunkMetaData chunk) {
        SizeStatistics s = chunk.getSizeStatistics();
        return s == null ? List.of("none") : Arrays.asList(s.isValid(), s.getUnencodedByteArrayDataBytes(),
                s.getRepetitionLevelHistogram(), s.getDefinitionLevelHistogram());
    }

    private static ColumnChunkMetaData chunk(BlockMetaData rowGroup, String column) {
        return rowGroup.getColumns().stream().filter(c -> c.getPath().toDotString().equals(column)).findFirst().orElseThrow();
    }

    private static List<String> rows(Path file) throws IOException {
        List<String> all = new ArrayList<>();
        for (List<Group> group : rowsByGroup(file)) {
            for (Group g : group) {
                StringBuilder row = new StringBuilder();
                for (int f = 0; f < g.getType().getFieldCount(); f++) {
                    row.append(HexFormat.of().formatHex(g.getBinary(f, 0).getBytes())).append('|');
                }
                all.add(row.toString());
            }
        }
        return all;
    }

    private static List<List<Group>> rowsByGroup(Path file) throws IOException {
        List<List<Group>> groups = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                List<Group> rows = new ArrayList<>();
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(records.read());
                }
                groups.add(rows);
            }
        }
        return groups;
    }
}
