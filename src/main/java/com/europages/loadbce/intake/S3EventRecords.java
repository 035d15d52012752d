package com.europages.loadbce.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3Bucket;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;

/**
 * What no data format does for the decode route: an EventBridge "Object ..." event mapped to a notification record,
 * and every record checked for its event name, bucket and key, with the key URL-decoded as S3 encodes it.
 */
public class S3EventRecords {

    /** The notification's records, keys URL-decoded; a record without event name, bucket or key fails the message. */
    public List<S3EventNotificationRecord> fromNotification(S3EventNotification notification)
            throws InvalidEventException {
        List<S3EventNotificationRecord> records = notification.getRecords() == null ? List.of()
                : notification.getRecords();
        List<S3EventNotificationRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            S3EventNotificationRecord r = records.get(i);
            String at = "Records[" + i + "]";
            if (r == null) {
                throw new InvalidEventException("missing or empty field " + at);
            }
            S3 s3 = r.getS3();
            S3Bucket bucket = s3 == null ? null : s3.getBucket();
            S3Object object = s3 == null ? null : s3.getObject();
            required(r.getEventName(), at + ".eventName");
            required(bucket == null ? null : bucket.getName(), at + ".s3.bucket.name");
            String key = urlDecode(required(object == null ? null : object.getKey(), at + ".s3.object.key"));
            // as before the SDK model: a missing size is -1, a missing eTag or sequencer empty
            r.setS3(new S3(s3.getConfigurationId(), bucket, new S3Object(key,
                    object.getSizeAsLong() == null ? -1L : object.getSizeAsLong(),
                    object.getETag() == null ? "" : object.getETag(), object.getVersionId(),
                    object.getSequencer() == null ? "" : object.getSequencer()), s3.getS3SchemaVersion()));
            out.add(r);
        }
        return out;
    }

    /** EventBridge names the action in detail-type and detail.reason; mapped to the notification's eventName. */
    public List<S3EventNotificationRecord> fromEventBridge(JsonNode event) throws InvalidEventException {
        JsonNode detail = event.path("detail");
        String type = required(text(event.path("detail-type")), "detail-type");
        String reason = detail.path("reason").asText("");
        String eventName = switch (type) {
            case "Object Created" -> "ObjectCreated:" + switch (reason) {
                case "PutObject" -> "Put";
                case "CopyObject" -> "Copy";
                case "CompleteMultipartUpload" -> "CompleteMultipartUpload";
                case "POST Object", "PostObject" -> "Post";
                default -> reason.isEmpty() ? "Put" : reason;
            };
            case "Object Deleted" -> "ObjectRemoved:" + reason;
            default -> type.replace(" ", "");
        };
        String bucket = required(text(detail.path("bucket").path("name")), "detail.bucket.name");
        String key = urlDecode(required(text(detail.path("object").path("key")), "detail.object.key"));
        JsonNode object = detail.path("object");
        long size = object.path("size").asLong(-1);
        S3EventNotificationRecord record = new S3EventNotificationRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:s3");
        record.setAwsRegion(event.path("region").asText(null));
        record.setS3(new S3(null, new S3Bucket(bucket, null, null), new S3Object(key, size,
                object.path("etag").asText(""), object.path("version-id").asText(null),
                object.path("sequencer").asText("")), null));
        return List.of(record);
    }

    /** S3 sends keys form-encoded: '+' is a space, %2B a plus, %3D an equals sign; bytes are UTF-8. */
    static String urlDecode(String key) throws InvalidEventException {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("object key is not validly URL-encoded: " + key);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String required(String value, String path) throws InvalidEventException {
        if (value == null || value.isEmpty()) {
            throw new InvalidEventException("missing or empty field " + path);
        }
        return value;
    }
}
