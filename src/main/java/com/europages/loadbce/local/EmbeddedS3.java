package com.europages.loadbce.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** S3Proxy in this JVM on 127.0.0.1 over a filesystem store of plain files, SigV4 checked, created objects announced to the local queue. */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);

    private final S3Proxy proxy;
    private final BlobStore store;
    private final ObjectCreatedNotifier notifier;
    private final ObjectFilePaths files;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedS3(S3Proxy proxy, BlobStore store, ObjectCreatedNotifier notifier, ObjectFilePaths files, int port) {
        this.proxy = proxy;
        this.store = store;
        this.notifier = notifier;
        this.files = files;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts the server on the port (0: any free port) over the store folder (created if missing). Takes ownership of
     * the notifier: it is closed with the server, or at once if the server fails to start.
     */
    public static EmbeddedS3 start(Path storeDir, int port, String accessKey, String secretKey,
                                   ObjectCreatedNotifier notifier) {
        try {
            Path root = Files.createDirectories(storeDir).toAbsolutePath().normalize();
            BlobStore store = new NotifyingBlobStore(new FilesystemNio2BlobStore(root.toString()), notifier);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
                    .build();
            startOrStop(proxy);
            LOG.info("Embedded S3 (S3Proxy) listening on http://127.0.0.1:{}, objects under {}, notifying prefix '{}'",
                    proxy.getPort(), root, notifier.prefix());
            return new EmbeddedS3(proxy, store, notifier, new ObjectFilePaths(root), proxy.getPort());
        } catch (IOException e) {
            notifier.close();
            throw new UncheckedIOException("Cannot create the local S3 store folder " + storeDir, e);
        } catch (RuntimeException | Error e) {
            notifier.close();
            throw e;
        }
    }

    /** Jetty may hold the port and threads after a failed start: stop it before giving up. */
    private static void startOrStop(S3Proxy proxy) {
        try {
            proxy.start();
        } catch (Exception e) {
            try {
                proxy.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new IllegalStateException("Embedded S3 (S3Proxy) did not start: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String bucket) {
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
            LOG.info("Created bucket '{}' in the embedded S3", bucket);
        }
    }

    /** The plain file where the store keeps {@code bucket/key}; refuses keys that would leave the store. */
    public Path objectPath(String bucket, String key) {
        return files.path(bucket, key);
    }

    /** The folder holding one sub-folder per bucket. */
    public Path storeDir() {
        return files.root();
    }

    /** Stops the server, then the notifier's SQS client; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
            LOG.info("Embedded S3 stopped");
        } catch (Exception e) {
            LOG.warn("Embedded S3 did not stop cleanly: {}", e.toString());
        } finally {
            notifier.close();
        }
    }
}
