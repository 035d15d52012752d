package com.europages.loadbce.intake;

/** One S3 object event taken from a notification, with its key already URL-decoded. */
public record S3ObjectRecord(String eventName, String bucket, String key, long size, String eTag, String sequencer) {

    public boolean isCreated() {
        return eventName != null && eventName.startsWith("ObjectCreated:");
    }

    /** The part of the key after the last '/'. */
    public String fileName() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
