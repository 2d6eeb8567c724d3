package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * One change a rule proposes to one object: an RFC 6902 operation with the rule that proposed it and why.
 * A {@link RuleMode#HUMAN HUMAN} change is a finding: it carries no value to apply, only the decision needed.
 *
 * @param op     {@code add}, {@code replace} or {@code remove}; null for a finding that changes nothing
 * @param path   JSON pointer relative to the object, e.g. {@code /spec/template/spec/containers/0/image}
 * @param before the value before, or null
 * @param after  the value after, or null
 * @param ruleId the rule's id from the conversion catalog, e.g. {@code I1}
 * @param mode   how the change is made
 * @param reason one line: why, and the source of the rule
 * @param mappingKeys the mapping-file keys ({@code identities."arn:…".clientId}, {@code ingress.target}) and
 *               eks2aks options ({@code --acr}) that supply the decision, in the order the reason names them;
 *               every one is written in the reason too. Reports list them; nobody parses them out of the reason.
 */
public record Change(String op, String path, JsonNode before, JsonNode after, String ruleId, RuleMode mode,
                     String reason, List<String> mappingKeys) {

    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
        if (mode.applies() && op == null && !(mode == RuleMode.EXCLUDE && path.isEmpty())) {
            throw new IllegalArgumentException("a " + mode + " change needs an operation");
        }
        mappingKeys = mappingKeys == null ? List.of() : List.copyOf(mappingKeys);
    }

    /** A change no mapping key or option supplies: most rules'. */
    public Change(String op, String path, JsonNode before, JsonNode after, String ruleId, RuleMode mode, String reason) {
        this(op, path, before, after, ruleId, mode, reason, List.of());
    }

    /** This change with the mapping keys and options its reason names (see {@link #mappingKeys()}). */
    public Change withMappingKeys(String... keys) {
        return new Change(op, path, before, after, ruleId, mode, reason, List.of(keys));
    }

    public Change withMappingKeys(List<String> keys) {
        return new Change(op, path, before, after, ruleId, mode, reason, keys);
    }

    /** This change with another reason and the same mapping keys, for a rule that adds context to a shared one. */
    public Change withReason(String newReason) {
        return new Change(op, path, before, after, ruleId, mode, newReason, mappingKeys);
    }

    public static Change replace(String path, JsonNode before, JsonNode after, String ruleId, RuleMode mode,
                                 String reason) {
        return new Change("replace", path, before, after, ruleId, mode, reason);
    }

    public static Change finding(String path, JsonNode current, String ruleId, String reason) {
        return new Change(null, path, current, null, ruleId, RuleMode.HUMAN, reason);
    }

    /** Whether this change leaves the whole object out of the migration. */
    public boolean isExclusion() {
        return mode == RuleMode.EXCLUDE && path.isEmpty();
    }

    /** The RFC 6902 operation with its path made absolute inside the document by {@code prefix}. */
    public ObjectNode toPatchOperation(String prefix) {
        ObjectNode op = JsonNodeFactory.instance.objectNode();
        op.put("op", this.op);
        op.put("path", prefix + path);
        if (after != null) {
            op.set("value", after);
        }
        return op;
    }
}
