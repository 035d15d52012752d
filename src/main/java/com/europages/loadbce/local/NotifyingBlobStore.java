package com.europages.loadbce.local;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** A blob store that announces each object it has stored (put, copy, completed multipart upload) with an S3 ObjectCreated notification. */
public final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);

    private final ObjectCreatedNotifier notifier;

    public NotifyingBlobStore(BlobStore delegate, ObjectCreatedNotifier notifier) {
        super(delegate);
        this.notifier = notifier;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        PutObjectResponse response = super.putBlob(request, input);
        created("ObjectCreated:Put", request.bucket(), request.key());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName());
        return response;
    }

    /** Size and eTag are read back from the store, so the message describes the object as stored, not as requested. */
    private void created(String eventName, String bucket, String key) {
        if (!notifier.covers(key)) {
            return;
        }
        HeadObjectResponse stored;
        try {
            stored = delegate().blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (RuntimeException e) {
            LOG.error("Object s3://{}/{} was stored but its metadata cannot be read back; no {} notification sent: {}",
                    bucket, key, eventName, e.toString());
            return;
        }
        long size = stored.contentLength() == null ? -1 : stored.contentLength();
        notifier.objectCreated(eventName, bucket, key, size, unquoted(stored.eTag()));
    }

    /** S3 notifications carry the eTag without the quotes HTTP puts around it. */
    static String unquoted(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
