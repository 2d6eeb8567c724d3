package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.eks2aks.manifests.KustomizePatchConversion.Converted;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One JSON 6902 patch converted operation by operation. An {@code add} or {@code replace} becomes the partial
 * object it makes of its target (the value at its path, nothing else); the rules convert that object as they
 * convert a patch file, and their changes are said back in the patch: a change inside the operation's value
 * rewrites the value (a value the rules remove drops the operation), a new key next to it is one more {@code add}
 * beside it (its parent exists wherever the operation's own does). Anything else a rule wants cannot be said
 * safely in this patch (it would replace a map of the target the patch does not set): a decision naming the
 * kustomization, the patch and the operation. A {@code remove}, {@code move} or {@code copy} of a load-balancer
 * setting is a decision too.
 */
final class Json6902Conversion {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";
    private static final String AZURE_INTERNAL = "service.beta.kubernetes.io/azure-load-balancer-internal";

    private final KustomizePatch patch;
    private final ArrayNode operations;
    private final Function<KubeObject, Converted> rules;
    private final List<ObjectChange> changes;
    private final List<Conflict> conflicts;
    private final List<String> decisions;

    Json6902Conversion(KustomizePatch patch, ArrayNode operations, Function<KubeObject, Converted> rules,
                       List<ObjectChange> changes, List<Conflict> conflicts, List<String> decisions) {
        this.patch = patch;
        this.operations = operations;
        this.rules = rules;
        this.changes = changes;
        this.conflicts = conflicts;
        this.decisions = decisions;
    }

    /** The patch's new text when an operation changed, else null. */
    String convert() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        boolean changed = false;
        for (int i = 0; i < operations.size(); i++) {
            List<JsonNode> converted = operation(i, operations.get(i));
            changed |= converted.size() != 1 || !converted.get(0).equals(operations.get(i));
            converted.forEach(out::add);
        }
        if (!changed) {
            return null;
        }
        String text = patch.text();
        if (text.stripLeading().startsWith("[")) {
            return KustomizePatchConversion.json(out, patch.file() != null);
        }
        String yaml = InnerComments.carry(text.replace("\r\n", "\n"), KustomizePatchConversion.yaml(out));
        return text.endsWith("\n") ? yaml : yaml.stripTrailing();
    }

    /** The operations that replace operation {@code i}: itself when no rule changes it. */
    private List<JsonNode> operation(int i, JsonNode op) {
        String where = "kustomize patch " + patch.where() + " operation " + i + ": ";
        String kind = op.path("op").asText("");
        String path = op.path("path").asText("");
        JsonNode value = op.get("value");
        if (!(kind.equals("add") || kind.equals("replace")) || value == null || !path.startsWith("/")) {
            if (KustomizePatches.setsScheme(op.toString())) {
                decisions.add(patch.where() + " operation " + i + " (" + kind + " " + path + "): a load-balancer or ingress "
                        + "setting changed by an operation no rule converts; an internal load balancer could become public on "
                        + "AKS: set the Azure equivalent by hand (a decision)");
            }
            return List.of(op);
        }
        ObjectRef ref = KustomizePatchConversion.ref(JsonNodeFactory.instance.objectNode(), patch.target());
        ObjectNode object = PartialObjects.target(ref);
        String at = PartialObjects.place(object, path, value);
        if (at == null) {
            return List.of(op); // a path through a scalar or a name: no object the rules could read
        }
        Converted converted = rules.apply(KustomizePatchConversion.partial(patch, object, ref));
        if (converted.excluded() || converted.changes().isEmpty()) {
            if (!converted.excluded() && KustomizePatches.setsScheme(op.toString())) {
                decisions.add(patch.where() + " operation " + i + " (" + kind + " " + path + "): a load-balancer or "
                        + "ingress setting no rule converts; an internal load balancer could become public on AKS: check "
                        + "it by hand (a decision)");
            }
            return List.of(op);
        }
        conflicts.addAll(converted.conflicts());
        return said(i, op, at, object, converted, where);
    }

    /** The rules' changes said in the patch; the ones that cannot be become decisions. */
    private List<JsonNode> said(int i, JsonNode op, String at, ObjectNode before, Converted converted, String where) {
        ObjectNode after = converted.after();
        String parent = at.substring(0, at.lastIndexOf('/'));
        // An append ("-") has no index in the target: only its own value can be rewritten.
        boolean exact = at.equals(op.path("path").asText());
        List<JsonNode> beside = new ArrayList<>();
        for (ObjectChange c : converted.changes()) {
            Change change = c.change();
            if (!c.applied()) {
                changes.add(new ObjectChange(c.document(), c.object(), KustomizePatchConversion.prefixed(change, where), false));
                continue;
            }
            String path = change.path();
            boolean inside = path.equals(at) || path.startsWith(at + "/");
            JsonNode value = after.at(path);
            boolean besideIt = !inside && exact && "add".equals(change.op()) && value.isValueNode() && !path.endsWith("/-")
                    && within(path.substring(0, path.lastIndexOf('/')), parent) && !path.equals(parent);
            if (inside || besideIt) {
                if (besideIt) {
                    beside.add(JsonNodeFactory.instance.objectNode().put("op", "add").put("path", path).set("value", value));
                }
                changes.add(new ObjectChange(c.document(), c.object(), KustomizePatchConversion.prefixed(change, where), true));
            } else {
                changes.add(new ObjectChange(c.document(), c.object(), Change.finding(path, change.before(), change.ruleId(),
                        where + "this patch does not set " + path + ", so the rule's change cannot be written into it: "
                                + change.reason() + " — make the change in the patch by hand"), false));
            }
        }
        List<JsonNode> out = new ArrayList<>();
        JsonNode value = after.at(at);
        String kind = op.path("op").asText();
        if (!value.isMissingNode()) {
            out.add(JsonNodeFactory.instance.objectNode().put("op", kind).put("path", op.path("path").asText()).set("value", value));
        } else if ("Service".equals(converted.after().path("kind").asText()) && isAwsScheme(at)
                && after.at(Pointers.child(parent, AZURE_INTERNAL)).isMissingNode()) {
            // The overlay made the load balancer internet-facing: say so for AKS too, or an internal base stays internal.
            out.add(JsonNodeFactory.instance.objectNode().put("op", "add").put("path", Pointers.child(parent, AZURE_INTERNAL))
                    .set("value", TextNode.valueOf("false")));
        }
        for (JsonNode extra : beside) {
            if (out.stream().noneMatch(o -> o.path("path").equals(extra.path("path")))) {
                out.add(extra);
            }
        }
        return out;
    }

    private static boolean isAwsScheme(String pointer) {
        String key = Pointers.unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
        return key.equals(AWS + "scheme") || key.equals(AWS + "internal");
    }

    /** Whether {@code pointer} is {@code ancestor} or lies under it. */
    private static boolean within(String ancestor, String pointer) {
        return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }
}
