package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 6902 operations that turn one object into its converted form, built from the object's applied
 * changes the way the converter applies them, so that a patch written elsewhere (an overlay, a restore-time
 * modifier) has the same effect as the converted file:
 * <ul>
 *   <li>changes that each add a new map at the same path (two rules adding the first annotations) become one
 *       {@code add} of the merged map: two separate adds would have the second replace the first;</li>
 *   <li>additions and replacements come first, in the order proposed; removals last, deepest and highest
 *       array index first, so that removing {@code env/1} cannot shift {@code env/3} under another removal.</li>
 * </ul>
 */
public final class PatchOps {

    /**
     * One operation with the changes it comes from (several for a merged map).
     *
     * @param op      {@code {"op": …, "path": …, "value": …}}, path relative to the object
     * @param sources the changes it carries, at least one
     */
    public record Op(ObjectNode op, List<Change> sources) {

        public String path() {
            return op.path("path").asText();
        }

        public String operation() {
            return op.path("op").asText();
        }

        /** The value set, or null for a removal. */
        public JsonNode value() {
            return op.get("value");
        }
    }

    private PatchOps() {
    }

    /** The operations for {@code applied}, the applied changes of one object. */
    public static List<Op> of(List<Change> applied) {
        Map<String, List<Change>> newMaps = new LinkedHashMap<>();
        for (Change c : applied) {
            if (isNewMap(c)) {
                newMaps.computeIfAbsent(c.path(), p -> new ArrayList<>()).add(c);
            }
        }
        List<Op> ops = new ArrayList<>();
        List<Op> removals = new ArrayList<>();
        for (Change c : applied) {
            if (c.op() == null) {
                continue; // an exclusion: nothing to patch
            }
            List<Change> group = isNewMap(c) ? newMaps.get(c.path()) : null;
            if (group != null && group.size() > 1) {
                if (group.get(0) == c) {
                    ops.add(new Op(merged(c.path(), group), List.copyOf(group)));
                }
            } else if ("remove".equals(c.op())) {
                removals.add(new Op(c.toPatchOperation(""), List.of(c)));
            } else {
                ops.add(new Op(c.toPatchOperation(""), List.of(c)));
            }
        }
        removals.sort(Comparator.comparing(Op::path, PatchOps::comparePointers).reversed());
        ops.addAll(removals);
        return ops;
    }

    /** The operations as a JSON Patch document. */
    public static ArrayNode toPatch(List<Op> ops) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        ops.forEach(o -> patch.add(o.op()));
        return patch;
    }

    private static boolean isNewMap(Change c) {
        return "add".equals(c.op()) && c.before() == null && c.after() != null && c.after().isObject();
    }

    private static ObjectNode merged(String path, List<Change> group) {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        for (Change g : group) {
            for (Iterator<Map.Entry<String, JsonNode>> it = g.after().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.set(e.getKey(), e.getValue());
            }
        }
        ObjectNode op = JsonNodeFactory.instance.objectNode();
        op.put("op", "add");
        op.put("path", path);
        op.set("value", map);
        return op;
    }

    /** Orders JSON pointers segment by segment, array indexes numerically. */
    static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = isIndex(x[i]) && isIndex(y[i])
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 18) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
