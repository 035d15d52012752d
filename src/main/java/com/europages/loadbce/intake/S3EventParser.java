package com.europages.loadbce.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an SQS message body into S3 object records: the S3 notification (one or many Records), the same
 * Base64-encoded, an SNS envelope holding it, an EventBridge "Object ..." event, or the s3:TestEvent (no records).
 */
public class S3EventParser {

    private static final Logger LOG = LoggerFactory.getLogger(S3EventParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SNS wraps once; a deeper nesting is not something AWS produces. */
    private static final int MAX_ENVELOPES = 2;

    private final int maxBodyBytes;

    public S3EventParser(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<S3ObjectRecord> parse(String body) throws InvalidEventException {
        if (body == null || body.isBlank()) {
            throw new InvalidEventException("empty message body");
        }
        if (body.length() > maxBodyBytes) {
            throw new InvalidEventException("message body of " + body.length() + " characters exceeds the limit of "
                    + maxBodyBytes + " (sqs.max-body-bytes)");
        }
        return fromTree(readJsonOrBase64(body), 0);
    }

    /** Plain JSON first; Base64 only when the body is not JSON, so a JSON body is never mis-decoded. */
    private static JsonNode readJsonOrBase64(String body) throws InvalidEventException {
        try {
            return readJson(body);
        } catch (JsonProcessingException notJson) {
            byte[] decoded;
            try {
                decoded = Base64.getMimeDecoder().decode(body.strip());
            } catch (IllegalArgumentException notBase64) {
                throw new InvalidEventException("body is neither JSON nor Base64: " + brief(notJson));
            }
            String text = new String(decoded, StandardCharsets.UTF_8);
            if (decoded.length == 0 || !text.stripLeading().startsWith("{")) {
                throw new InvalidEventException("body is neither JSON nor Base64-encoded JSON: " + brief(notJson));
            }
            try {
                return readJson(text);
            } catch (JsonProcessingException badInner) {
                throw new InvalidEventException("Base64 body does not decode to valid JSON: " + brief(badInner));
            }
        }
    }

    private static JsonNode readJson(String text) throws JsonProcessingException {
        JsonNode node = JSON.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonProcessingException("no JSON content") { };
        }
        return node;
    }

    private List<S3ObjectRecord> fromTree(JsonNode root, int depth) throws InvalidEventException {
        if (!root.isObject()) {
            throw new InvalidEventException("JSON body is not an object but " + root.getNodeType());
        }
        if (root.has("Records")) {
            return fromNotification(root.get("Records"));
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            LOG.info("S3 test event for bucket '{}' acknowledged and ignored", root.path("Bucket").asText());
            return List.of();
        }
        if ("Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()) {
            if (depth >= MAX_ENVELOPES) {
                throw new InvalidEventException("SNS envelopes nested too deep");
            }
            try {
                return fromTree(readJson(root.get("Message").asText()), depth + 1);
            } catch (JsonProcessingException e) {
                throw new InvalidEventException("SNS Message is not JSON: " + brief(e));
            }
        }
        if ("aws.s3".equals(root.path("source").asText()) && root.path("detail").isObject()) {
            return List.of(fromEventBridge(root));
        }
        throw new InvalidEventException("unknown event shape, top-level fields " + fieldNames(root));
    }

    private static List<S3ObjectRecord> fromNotification(JsonNode records) throws InvalidEventException {
        if (!records.isArray()) {
            throw new InvalidEventException("'Records' is not an array");
        }
        List<S3ObjectRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            JsonNode s3 = r.path("s3");
            out.add(new S3ObjectRecord(
                    required(r.path("eventName"), "Records[" + i + "].eventName"),
                    required(s3.path("bucket").path("name"), "Records[" + i + "].s3.bucket.name"),
                    urlDecode(required(s3.path("object").path("key"), "Records[" + i + "].s3.object.key")),
                    s3.path("object").path("size").asLong(-1),
                    s3.path("object").path("eTag").asText(""),
                    s3.path("object").path("sequencer").asText("")));
        }
        return out;
    }

    /** EventBridge names the action in detail-type and detail.reason; map it to the notification's eventName. */
    private static S3ObjectRecord fromEventBridge(JsonNode root) throws InvalidEventException {
        JsonNode detail = root.get("detail");
        String type = required(root.path("detail-type"), "detail-type");
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
        return new S3ObjectRecord(
                eventName,
                required(detail.path("bucket").path("name"), "detail.bucket.name"),
                urlDecode(required(detail.path("object").path("key"), "detail.object.key")),
                detail.path("object").path("size").asLong(-1),
                detail.path("object").path("etag").asText(""),
                detail.path("object").path("sequencer").asText(""));
    }

    private static String required(JsonNode node, String path) throws InvalidEventException {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new InvalidEventException("missing or empty field " + path);
        }
        return node.asText();
    }

    /** S3 sends keys form-encoded: '+' is a space, %2B a plus, %3D an equals sign; bytes are UTF-8. */
    static String urlDecode(String key) throws InvalidEventException {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("object key is not validly URL-encoded: " + key);
        }
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext() && names.size() < 10) {
            names.add(it.next());
        }
        return names.toString();
    }

    private static String brief(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? e.getClass().getSimpleName() : (m.length() > 200 ? m.substring(0, 200) + "..." : m);
    }
}
