package io.jenkins.plugins.eks2aks.images.registry;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON as maps and lists (jackson-jr), with the few look-ups registry documents need. A missing or mistyped field
 * reads as absent, the way {@code JsonNode.path} did: registries add fields, and a manifest is judged by its digest,
 * not by its shape.
 */
public final class JsonValues {

    /** Pretty-printed like Jackson's default printer, for reports people read. */
    public static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private JsonValues() {
    }

    /** The document's top-level object. */
    public static Map<String, Object> object(byte[] json) throws IOException {
        Object value = JSON.std.anyFrom(json);
        if (value instanceof Map<?, ?> map) {
            return cast(map);
        }
        throw new IOException("expected a JSON object, found " + (value == null ? "null" : value instanceof List ? "an array" : "a value"));
    }

    /** An object field, or null. */
    public static Map<String, Object> child(Map<String, Object> object, String field) {
        return object.get(field) instanceof Map<?, ?> map ? cast(map) : null;
    }

    /** The objects of an array field; empty when there is none. */
    public static List<Map<String, Object>> objects(Map<String, Object> object, String field) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (object.get(field) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    out.add(cast(map));
                }
            }
        }
        return out;
    }

    /** The strings of an array field; empty when there is none. */
    public static List<String> strings(Map<String, Object> object, String field) {
        List<String> out = new ArrayList<>();
        if (object.get(field) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A string field, or {@code fallback}. */
    public static String text(Map<String, Object> object, String field, String fallback) {
        return object.get(field) instanceof String s ? s : fallback;
    }

    /** A number field, or {@code fallback}. */
    public static long number(Map<String, Object> object, String field, long fallback) {
        return object.get(field) instanceof Number n ? n.longValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
