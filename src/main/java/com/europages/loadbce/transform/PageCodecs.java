package com.europages.loadbce.transform;

import com.europages.loadbce.FailureMessage;
import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.lz4.Lz4HadoopStreams;
import io.airlift.compress.lzo.LzoHadoopStreams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.brotli.dec.BrotliInputStream;
import org.xerial.snappy.Snappy;

/**
 * Decompresses source pages of every codec parquet-format names, strictly: a page must decompress to exactly the size
 * its header gives, using all of its bytes, and the codec's own checks hold (GZIP's CRC-32, zlib's Adler-32, a ZSTD
 * frame checksum when present). parquet-hadoop's codecs read only the header's size from a stream, so a GZIP page's
 * trailer and its CRC are never read, and its LZ4, BROTLI and LZO codecs need Hadoop codec classes that are not here.
 * LZ4 is the Hadoop framing that parquet-mr and arrow-cpp write; LZO the hadoop-lzo one (decoded by aircompressor).
 */
final class PageCodecs implements CompressionCodecFactory {
    static final PageCodecs INSTANCE = new PageCodecs();

    private PageCodecs() {
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Strict(codec);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("source pages are only read");
    }

    @Override
    public void release() {
    }

    /** The page's bytes decompressed into a new array of exactly {@code size} bytes. */
    static byte[] decompress(CompressionCodecName codec, byte[] in, int offset, int length, int size) {
        byte[] out = new byte[size];
        int produced;
        try {
            produced = switch (codec) {
                case UNCOMPRESSED -> {
                    System.arraycopy(in, offset, out, 0, Math.min(length, size));
                    yield length;
                }
                case SNAPPY -> {
                    int declared = Snappy.uncompressedLength(in, offset, length);
                    if (declared != size) {
                        throw new CorruptPageException(codec + " page holds " + declared + " bytes, its header says " + size);
                    }
                    yield Snappy.uncompress(in, offset, length, out, 0);
                }
                case ZSTD -> {
                    long n = Zstd.decompressByteArray(out, 0, size, in, offset, length);
                    if (Zstd.isError(n)) {
                        throw new CorruptPageException(codec + " page does not decompress: " + Zstd.getErrorName(n));
                    }
                    yield (int) n;
                }
                case LZ4_RAW -> new Lz4Decompressor().decompress(in, offset, length, out, 0, size);
                case GZIP -> {
                    // RFC 1952 as the format says; a zlib stream (RFC 1950) as some writers produce is accepted too
                    boolean gzip = length >= 2 && in[offset] == (byte) 0x1f && in[offset + 1] == (byte) 0x8b;
                    ByteArrayInputStream bytes = new ByteArrayInputStream(in, offset, length);
                    yield readAll(gzip ? new GZIPInputStream(bytes, Math.max(512, length)) : new InflaterInputStream(bytes), out);
                }
                case LZ4 -> readAll(new Lz4HadoopStreams().createInputStream(new ByteArrayInputStream(in, offset, length)), out);
                case LZO -> readAll(new LzoHadoopStreams().createInputStream(new ByteArrayInputStream(in, offset, length)), out);
                case BROTLI -> readAll(new BrotliInputStream(new ByteArrayInputStream(in, offset, length)), out);
            };
        } catch (CorruptPageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // MalformedInputException, BrotliRuntimeException, ZipException, snappy's IOException...
            throw new CorruptPageException(codec + " page does not decompress: " + FailureMessage.of(e), e);
        }
        if (produced != size) {
            throw new CorruptPageException(codec + " page holds " + produced + (produced > size ? " or more" : "")
                    + " bytes, its header says " + size);
        }
        return out;
    }

    /** Reads the stream to its end (so trailers and checksums are checked); more than {@code out} holds is an error. */
    private static int readAll(InputStream in, byte[] out) throws IOException {
        try (in) {
            int n = in.readNBytes(out, 0, out.length);
            return n == out.length && in.read() >= 0 ? n + 1 : n;
        }
    }

    /** One codec's pages; stateless, so one instance may serve any number of column chunks. */
    private record Strict(CompressionCodecName codec) implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                if (bytes.size() != uncompressedSize) {
                    throw new CorruptPageException("page holds " + bytes.size() + " bytes, its header says " + uncompressedSize);
                }
                return bytes;
            }
            ByteBuffer b = bytes.toByteBuffer();
            byte[] out;
            if (b.hasArray()) {
                out = PageCodecs.decompress(codec, b.array(), b.arrayOffset() + b.position(), b.remaining(), uncompressedSize);
            } else {
                byte[] copy = new byte[b.remaining()];
                b.duplicate().get(copy);
                out = PageCodecs.decompress(codec, copy, 0, copy.length, uncompressedSize);
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            byte[] copy = new byte[compressedSize];
            input.duplicate().get(copy);
            output.put(PageCodecs.decompress(codec, copy, 0, compressedSize, uncompressedSize));
            input.position(input.position() + compressedSize);
        }

        @Override
        public void release() {
        }
    }
}
