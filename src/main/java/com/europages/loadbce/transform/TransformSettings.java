package com.europages.loadbce.transform;

import com.europages.loadbce.config.AppConfig;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The transform settings of application.properties ("--- Transform ---"), and the transformer they make. */
public record TransformSettings(Path contractFile, Double maxUnconvertibleRatio, OverflowPolicy overflow,
                                CompressionCodecName compression, int threads) {

    public static final String CONTRACT = "transform.contract";

    public static TransformSettings from(AppConfig config) {
        String ratio = config.get("transform.max-unconvertible-ratio", "");
        String overflow = config.get("transform.varchar-overflow", "");
        return new TransformSettings(
                config.getPath(CONTRACT),
                ratio.isEmpty() ? null : Double.valueOf(ratio),
                overflow.isEmpty() ? null : OverflowPolicy.valueOf(overflow.toUpperCase(Locale.ROOT)),
                compression(config.get("transform.compression", "SNAPPY")),
                threads(config.getInt("transform.threads")));
    }

    /** Defaults for a contract file given on the command line without a configuration folder. */
    public static TransformSettings defaults(Path contractFile) {
        return new TransformSettings(contractFile, null, null, CompressionCodecName.SNAPPY, threads(0));
    }

    public TransformSettings withContract(Path file) {
        return new TransformSettings(file, maxUnconvertibleRatio, overflow, compression, threads);
    }

    /** transform.threads: 0 is one per core. */
    static int threads(int setting) {
        return setting == 0 ? Runtime.getRuntime().availableProcessors() : setting;
    }

    static CompressionCodecName compression(String name) {
        CompressionCodecName c = CompressionCodecName.valueOf(name.trim().toUpperCase(Locale.ROOT));
        if (c != CompressionCodecName.SNAPPY && c != CompressionCodecName.ZSTD && c != CompressionCodecName.GZIP
                && c != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("transform.compression must be SNAPPY, ZSTD, GZIP or UNCOMPRESSED, got " + name);
        }
        return c;
    }

    /** The contract with the table-level overrides of the settings applied. */
    public ColumnContract contract() {
        ColumnContract c = ColumnContract.load(contractFile);
        return c.with(maxUnconvertibleRatio == null ? c.maxUnconvertibleRatio() : maxUnconvertibleRatio,
                overflow == null ? c.overflow() : overflow);
    }

    public ParquetTransformer transformer() {
        return new ParquetTransformer(contract(), compression, threads);
    }
}
