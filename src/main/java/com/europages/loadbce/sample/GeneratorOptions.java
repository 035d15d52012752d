package com.europages.loadbce.sample;

import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How the generated files are written, so tests can cover the encodings a real writer produces.
 *
 * @param rowGroupBytes   parquet-hadoop's row group size target
 * @param writerVersion   PARQUET_1_0 (plain/dictionary, v1 pages) or PARQUET_2_0 (delta encodings, v2 pages)
 * @param byteStreamSplit BYTE_STREAM_SPLIT for float/double columns
 * @param customColumns   extra custom properties of mixed types after the standard columns ({@link CustomProperties})
 */
public record GeneratorOptions(long seed, long rowGroupBytes, CompressionCodecName codec, WriterVersion writerVersion,
                               boolean dictionary, boolean byteStreamSplit, int customColumns) {

    public static GeneratorOptions defaults(long seed) {
        return new GeneratorOptions(seed, 128L * 1024 * 1024, CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0,
                true, false, 0);
    }

    public GeneratorOptions withRowGroupBytes(long bytes) {
        return new GeneratorOptions(seed, bytes, codec, writerVersion, dictionary, byteStreamSplit, customColumns);
    }

    public GeneratorOptions withEncoding(CompressionCodecName c, WriterVersion v, boolean dict, boolean bss) {
        return new GeneratorOptions(seed, rowGroupBytes, c, v, dict, bss, customColumns);
    }

    public GeneratorOptions withCustomColumns(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("custom columns must not be negative, got " + n);
        }
        return new GeneratorOptions(seed, rowGroupBytes, codec, writerVersion, dictionary, byteStreamSplit, n);
    }
}
