package com.europages.loadbce.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Writes S3 ObjectCreated notifications in AWS's format, for the local S3, backfill and the demo. */
public final class S3EventWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3EventWriter() {
    }

    /** The notification JSON with one record per object, keys URL-encoded as S3 does. */
    public static String notification(String eventName, List<S3ObjectRecord> objects, Instant eventTime) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (S3ObjectRecord o : objects) {
            ObjectNode r = records.addObject();
            r.put("eventVersion", "2.1");
            r.put("eventSource", "aws:s3");
            r.put("awsRegion", "local");
            r.put("eventTime", eventTime.toString());
            r.put("eventName", eventName);
            ObjectNode s3 = r.putObject("s3");
            s3.put("s3SchemaVersion", "1.0");
            s3.put("configurationId", "load-bce-to-s3");
            s3.putObject("bucket").put("name", o.bucket()).put("arn", "arn:aws:s3:::" + o.bucket());
            ObjectNode obj = s3.putObject("object");
            obj.put("key", urlEncode(o.key()));
            obj.put("size", o.size());
            obj.put("eTag", o.eTag());
            obj.put("sequencer", o.sequencer());
        }
        return root.toString();
    }

    public static String notification(S3ObjectRecord object, Instant eventTime) {
        return notification(object.eventName(), List.of(object), eventTime);
    }

    public static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** S3's key encoding: form encoding ('+' for space) with '/' left as is. */
    public static String urlEncode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
