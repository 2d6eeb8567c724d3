package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the rules over every object of every document. Rules only propose changes; this class collects them,
 * holds back changes that contest the same field, and applies the rest as one RFC 6902 patch per document.
 * The input is never modified: the patch produces a new tree.
 */
public final class ManifestConverter {

    private final List<ConversionRule> rules;

    public ManifestConverter(List<ConversionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public ConversionResult convert(ManifestSet input) {
        List<ConvertedDocument> documents = new ArrayList<>();
        List<ObjectChange> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int objects = 0;
        for (ManifestFile file : input.files()) {
            for (ManifestDocument document : file.documents()) {
                ArrayNode patch = JsonNodeFactory.instance.arrayNode();
                for (KubeObject object : objectsOf(document)) {
                    objects++;
                    convertObject(object, patch, changes, conflicts);
                }
                JsonNode converted = patch.isEmpty() ? null : JsonPatch.apply(patch, document.content());
                documents.add(new ConvertedDocument(document, converted));
            }
        }
        return new ConversionResult(input, documents, changes, conflicts, objects);
    }

    private void convertObject(KubeObject object, ArrayNode patch, List<ObjectChange> changes,
                               List<Conflict> conflicts) {
        List<Change> proposed = new ArrayList<>();
        for (ConversionRule rule : rules) {
            if (rule.appliesTo(object)) {
                proposed.addAll(rule.apply(object));
            }
        }
        Set<String> contested = contestedPaths(object, proposed, conflicts);
        for (Change change : proposed) {
            boolean apply = change.mode().applies() && !contested.contains(change.path());
            if (apply) {
                patch.add(change.toPatchOperation(object.pointer()));
            }
            changes.add(new ObjectChange(object.document(), object.ref(), change, apply));
        }
    }

    /** Paths that more than one rule wants to change, or where one rule's change lies inside another's. */
    private static Set<String> contestedPaths(KubeObject object, List<Change> proposed, List<Conflict> conflicts) {
        Map<String, Set<String>> rulesByPath = new TreeMap<>();
        for (Change change : proposed) {
            if (change.mode().applies()) {
                rulesByPath.computeIfAbsent(change.path(), p -> new TreeSet<>()).add(change.ruleId());
            }
        }
        Set<String> contested = new TreeSet<>();
        for (Map.Entry<String, Set<String>> a : rulesByPath.entrySet()) {
            Set<String> involved = new TreeSet<>(a.getValue());
            for (Map.Entry<String, Set<String>> b : rulesByPath.entrySet()) {
                if (!a.getKey().equals(b.getKey()) && b.getKey().startsWith(a.getKey() + "/")
                        && !a.getValue().equals(b.getValue())) {
                    involved.addAll(b.getValue());
                    contested.add(b.getKey());
                }
            }
            if (involved.size() > 1) {
                contested.add(a.getKey());
                conflicts.add(new Conflict(object.document(), object.ref(), a.getKey(), List.copyOf(involved)));
            }
        }
        return contested;
    }

    /** The document itself, or each item of a {@code kind: List}, as read-only copies. */
    static List<KubeObject> objectsOf(ManifestDocument document) {
        JsonNode content = document.content();
        List<KubeObject> objects = new ArrayList<>();
        JsonNode items = content.path("items");
        if (content.path("kind").asText().endsWith("List") && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                objects.add(object(document, "/items/" + i, items.get(i)));
            }
        } else {
            objects.add(object(document, "", content));
        }
        return objects;
    }

    private static KubeObject object(ManifestDocument document, String pointer, JsonNode node) {
        JsonNode metadata = node.path("metadata");
        ObjectRef ref = new ObjectRef(node.path("apiVersion").asText(), node.path("kind").asText(),
                metadata.path("namespace").asText(null), metadata.path("name").asText(null));
        return new KubeObject(document, pointer, ref, (ObjectNode) node.deepCopy());
    }
}
