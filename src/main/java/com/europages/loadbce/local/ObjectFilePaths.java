package com.europages.loadbce.local;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where the filesystem store keeps an object: the only place where an S3 bucket and key become a local path. */
public final class ObjectFilePaths {

    /** S3's bucket naming rule; anything else could name a folder outside the store. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path root;

    public ObjectFilePaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The plain file holding {@code bucket/key}. Refuses keys that are not a plain relative file path inside the
     * bucket's folder: empty, '.' or '..' segments, a leading or trailing '/', or characters the file system rejects.
     */
    public Path path(String bucket, String key) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("Not a valid bucket name: '" + bucket + "'");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Empty object key");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Object key '" + key + "' is not a plain file path in the store"
                        + " (empty, '.' or '..' segment)");
            }
        }
        Path bucketDir = root.resolve(bucket);
        Path file;
        try {
            file = bucketDir.resolve(key).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Object key '" + key + "' is not a valid file name: " + e.getReason());
        }
        // the segment check already rules this out; kept so no future change can let a key leave the bucket
        if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw new IllegalArgumentException("Object key '" + key + "' escapes the bucket folder");
        }
        return file;
    }
}
