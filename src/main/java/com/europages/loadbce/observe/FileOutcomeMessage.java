package com.europages.loadbce.observe;

import org.apache.logging.log4j.message.MapMessage;

/**
 * One file's outcome as a log4j map message: the JSON layout writes its fields as JSON fields, the text layout
 * prints the line of {@link #getFormattedMessage()} (MapMessage's own text form sorts the keys).
 */
public final class FileOutcomeMessage extends MapMessage<FileOutcomeMessage, Object> {

    private final String text;

    public FileOutcomeMessage(String key, String outcome, long rows, long durationMillis, String reason) {
        with("key", key);
        with("outcome", outcome);
        with("rows", rows);
        with("duration_ms", durationMillis);
        if (reason != null) {
            with("reason", reason);
        }
        this.text = "File " + key + " " + outcome + ": rows=" + rows + " duration_ms=" + durationMillis
                + (reason == null ? "" : " reason=" + reason);
    }

    @Override
    public String getFormattedMessage() {
        return text;
    }

    @Override
    public void formatTo(StringBuilder buffer) {
        buffer.append(text);
    }
}
