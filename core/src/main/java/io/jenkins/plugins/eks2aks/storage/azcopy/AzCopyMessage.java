package io.jenkins.plugins.eks2aks.storage.azcopy;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.Map;

/**
 * One line of {@code azcopy --output-type json}: {@code {"MessageType": "Init|Info|Progress|Dryrun|EndOfJob|Error|…",
 * "MessageContent": "…"}}, where the content of Init, Progress, Dryrun and EndOfJob is itself a JSON document. A line
 * that is not such an object (AzCopy and the Go runtime print some plain text) is kept as text.
 *
 * @param type    the message type, or {@code Text} for a line that is not JSON
 * @param text    the content as printed
 * @param content the content parsed as a JSON object, or null
 */
public record AzCopyMessage(String type, String text, Map<String, Object> content) {

    public static final String TEXT = "Text";

    public static AzCopyMessage parse(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return new AzCopyMessage(TEXT, line, null);
        }
        try {
            Map<String, Object> outer = JSON.std.mapFrom(trimmed);
            Object type = outer.get("MessageType");
            if (!(type instanceof String t)) {
                return new AzCopyMessage(TEXT, line, null);
            }
            String text = outer.get("MessageContent") instanceof String s ? s : "";
            Map<String, Object> content = null;
            if (text.startsWith("{")) {
                try {
                    content = JSON.std.mapFrom(text);
                } catch (IOException e) {
                    content = null; // an Info text that happens to start with a brace
                }
            }
            return new AzCopyMessage(t, text, content);
        } catch (IOException | RuntimeException e) {
            return new AzCopyMessage(TEXT, line, null);
        }
    }

    /** A numeric field of the content (AzCopy writes counts as strings), or 0. */
    public long number(String field) {
        Object v = content == null ? null : content.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? 0 : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A text field of the content, or null. */
    public String string(String field) {
        Object v = content == null ? null : content.get(field);
        return v == null ? null : v.toString();
    }
}
