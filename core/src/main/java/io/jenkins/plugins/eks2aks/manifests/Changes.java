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

    /** Sets {@code key} in the map at {@code mapPointer}, creating the map when the object has none. */
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
        return new Change("add", mapPointer, null, created, ruleId, mode, reason);
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
        return new Change("add", arrayPointer, null, JsonNodeFactory.instance.arrayNode().add(value), ruleId, mode, reason);
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
