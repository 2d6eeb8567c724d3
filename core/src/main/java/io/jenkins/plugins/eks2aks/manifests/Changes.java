package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Builds the changes rules return, so that each rule says what it wants and not how JSON Patch spells it.
 * Every method reads the object and never modifies it.
 */
public final class Changes {

    private final KubeObject object;
    private final String ruleId;

    private Changes(KubeObject object, String ruleId) {
        this.object = object;
        this.ruleId = ruleId;
    }

    /** Changes to {@code object} proposed by rule {@code ruleId}. */
    public static Changes of(KubeObject object, String ruleId) {
        return new Changes(object, ruleId);
    }

    /**
     * Sets {@code key} in the map at {@code mapPointer}, creating the map, and any missing parent map (a pod
     * template without {@code metadata}), when the object has none.
     */
    public Change put(String mapPointer, String key, String value, RuleMode mode, String reason) {
        return put(mapPointer, key, TextNode.valueOf(value), mode, reason);
    }

    public Change put(String mapPointer, String key, JsonNode value, RuleMode mode, String reason) {
        JsonNode map = object.at(mapPointer);
        if (map.isObject()) {
            JsonNode current = map.get(key);
            String op = current == null ? "add" : "replace";
            return new Change(op, Pointers.child(mapPointer, key), current, value, ruleId, mode, reason);
        }
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        created.set(key, value);
        return creating(mapPointer, created, mode, reason);
    }

    /**
     * An {@code add} of {@code value} at {@code pointer}; when the parent map is missing (or null, as an empty
     * {@code metadata:} reads), the add moves up to the nearest existing map and carries the missing maps with it.
     */
    private Change creating(String pointer, JsonNode value, RuleMode mode, String reason) {
        String at = pointer;
        JsonNode carried = value;
        while (at.lastIndexOf('/') > 0) {
            String parent = at.substring(0, at.lastIndexOf('/'));
            JsonNode existing = object.at(parent);
            if (!existing.isMissingNode() && !existing.isNull()) {
                break;
            }
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.set(Pointers.unescape(at.substring(at.lastIndexOf('/') + 1)), carried);
            carried = wrapper;
            at = parent;
        }
        return new Change("add", at, null, carried, ruleId, mode, reason);
    }

    /** Replaces the value at {@code pointer} (which must exist). */
    public Change replace(String pointer, JsonNode value, RuleMode mode, String reason) {
        return new Change("replace", pointer, object.at(pointer), value, ruleId, mode, reason);
    }

    public Change replace(String pointer, String value, RuleMode mode, String reason) {
        return replace(pointer, TextNode.valueOf(value), mode, reason);
    }

    /** Removes the value at {@code pointer} (which must exist). */
    public Change remove(String pointer, RuleMode mode, String reason) {
        return new Change("remove", pointer, object.at(pointer), null, ruleId, mode, reason);
    }

    /** Removes {@code key} from the map at {@code mapPointer}. */
    public Change removeKey(String mapPointer, String key, RuleMode mode, String reason) {
        return remove(Pointers.child(mapPointer, key), mode, reason);
    }

    /** Appends {@code value} to the array at {@code arrayPointer}, creating the array when missing. */
    public Change append(String arrayPointer, JsonNode value, RuleMode mode, String reason) {
        if (object.at(arrayPointer).isArray()) {
            return new Change("add", arrayPointer + "/-", null, value, ruleId, mode, reason);
        }
        return creating(arrayPointer, JsonNodeFactory.instance.arrayNode().add(value), mode, reason);
    }

    /** A decision a person has to make about the value at {@code pointer}; nothing is changed. */
    public Change decision(String pointer, String reason) {
        return Change.finding(pointer, object.at(pointer).isMissingNode() ? null : object.at(pointer), ruleId, reason);
    }

    /** The whole object is left out of the migration; {@code reason} names the Azure equivalent. */
    public Change exclude(String reason) {
        return new Change(null, "", null, null, ruleId, RuleMode.EXCLUDE, reason);
    }
}
