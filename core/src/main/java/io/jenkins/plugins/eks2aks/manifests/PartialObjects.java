package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the partial object a JSON 6902 operation makes of its target: the operation's value at its path, with the
 * maps and lists on the way. A list index past the end is reached with empty maps before it (they stand for the
 * target's items, which the operation leaves alone); {@code -} (append) is the next index.
 */
final class PartialObjects {

    private PartialObjects() {
    }

    /** The patch target {@code ref} as an object with only its apiVersion, kind, name and namespace, for operations to fill. */
    static ObjectNode target(ObjectRef ref) {
        ObjectNode object = JsonNodeFactory.instance.objectNode().put("apiVersion", ref.apiVersion()).put("kind", ref.kind());
        ObjectNode metadata = object.putObject("metadata");
        if (ref.name() != null) {
            metadata.put("name", ref.name());
        }
        if (ref.namespace() != null) {
            metadata.put("namespace", ref.namespace());
        }
        return object;
    }

    /**
     * Sets {@code value} at {@code pointer} inside {@code object}, creating what is missing on the way.
     *
     * @return the pointer where it was set ({@code -} replaced by the index used), or null when the path runs
     *         through a value that is not a map or a list
     */
    static String place(ObjectNode object, String pointer, JsonNode value) {
        String[] segments = pointer.substring(1).split("/", -1);
        JsonNode current = object;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = Pointers.unescape(segments[i]);
            boolean last = i == segments.length - 1;
            boolean nextIsList = !last && isIndex(segments[i + 1]);
            if (current instanceof ObjectNode map) {
                at.append('/').append(segments[i]);
                if (last) {
                    map.set(segment, value.deepCopy());
                    return at.toString();
                }
                JsonNode child = map.get(segment);
                if (child == null || child.isNull()) {
                    child = nextIsList ? map.putArray(segment) : map.putObject(segment);
                } else if (!child.isContainerNode()) {
                    return null;
                }
                current = child;
            } else if (current instanceof ArrayNode list && isIndex(segments[i])) {
                int index = segments[i].equals("-") ? list.size() : Integer.parseInt(segments[i]);
                if (index > 1_000) {
                    return null;
                }
                while (list.size() <= index) {
                    list.addObject();
                }
                at.append('/').append(index);
                if (last) {
                    list.set(index, value.deepCopy());
                    return at.toString();
                }
                if (!list.get(index).isContainerNode() || list.get(index).isArray() != nextIsList) {
                    list.set(index, nextIsList ? list.arrayNode() : list.objectNode());
                }
                current = list.get(index);
            } else {
                return null;
            }
        }
        return null;
    }

    private static boolean isIndex(String segment) {
        return segment.equals("-") || segment.matches("\\d+");
    }
}
