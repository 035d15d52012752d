package com.europages.loadbce.transform;

import com.europages.loadbce.intake.Headers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The error-queue body for a file that cannot be loaded: which object, and why, as JSON. */
public final class RejectedFileBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String body(Exchange exchange) {
        Message m = exchange.getMessage();
        ObjectNode n = JSON.createObjectNode();
        n.put("bucket", m.getHeader(Headers.BUCKET, String.class));
        n.put("key", m.getHeader(Headers.KEY, String.class));
        n.put("eTag", m.getHeader(Headers.ETAG, String.class));
        n.put("size", m.getHeader(Headers.SIZE, Long.class));
        n.put("date", m.getHeader(Headers.DATE, String.class));
        n.put("reason", m.getHeader("ErrorReason", String.class));
        return n.toString();
    }
}
