package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConvertedDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object of a conversion result with its changes, in input order. The conversion result lists changes
 * by document and object reference; this regroups them per object, which is how a patch or a restore-time
 * modifier is written.
 */
public final class ObjectResults {

    private ObjectResults() {
    }

    /**
     * Every object of every document of {@code result}; items of a {@code kind: List} are objects of their own.
     * Two objects of one document with the same kind, namespace and name share their changes (the result
     * cannot tell them apart); the first of them gets them.
     */
    public static List<ObjectResult> of(ConversionResult result) {
        Map<ManifestDocument, Map<ObjectRef, List<ObjectChange>>> byDocument = new IdentityHashMap<>();
        for (ObjectChange c : result.changes()) {
            byDocument.computeIfAbsent(c.document(), d -> new HashMap<>())
                    .computeIfAbsent(c.object(), r -> new ArrayList<>()).add(c);
        }
        List<ObjectResult> objects = new ArrayList<>();
        for (ConvertedDocument converted : result.documents()) {
            ManifestDocument document = converted.original();
            Map<ObjectRef, List<ObjectChange>> changes = byDocument.getOrDefault(document, Map.of());
            Map<ObjectRef, Boolean> seen = new HashMap<>();
            JsonNode content = document.content();
            JsonNode items = content.path("items");
            if (content.path("kind").asText().endsWith("List") && items.isArray()) {
                JsonNode convertedItems = converted.converted() == null ? items : converted.converted().path("items");
                int removed = 0; // excluded items are gone from the converted list: later items move up
                for (int i = 0; i < items.size(); i++) {
                    ObjectResult object = object(document, "/items/" + i, items.get(i), changes, seen);
                    if (object.excluded()) {
                        removed++;
                        objects.add(object.withConverted(null));
                    } else {
                        objects.add(object.withConverted(convertedItems.path(i - removed)));
                    }
                }
            } else {
                ObjectResult object = object(document, "", content, changes, seen);
                JsonNode after = converted.excluded() ? null : converted.converted() == null ? content : converted.converted();
                objects.add(object.withConverted(after));
            }
        }
        return objects;
    }

    private static ObjectResult object(ManifestDocument document, String pointer, JsonNode node,
                                       Map<ObjectRef, List<ObjectChange>> changes, Map<ObjectRef, Boolean> seen) {
        ObjectRef ref = ref(node);
        boolean first = seen.put(ref, Boolean.TRUE) == null;
        return new ObjectResult(document, pointer, ref, node, node,
                first ? changes.getOrDefault(ref, List.of()) : List.of());
    }

    /**
     * Objects the input holds more than once (same group, kind, namespace and name, in any version), as one line
     * each naming where: on a cluster they are one object, so a base with both cannot be built by Kustomize and
     * a restore gets one of them.
     */
    public static List<String> duplicates(List<ObjectResult> objects) {
        Map<String, List<ObjectResult>> byId = new LinkedHashMap<>();
        for (ObjectResult o : objects) {
            ObjectRef r = o.ref();
            if (r.name() != null) {
                String id = KindResources.group(r.apiVersion()) + "/" + r.kind() + "/" + r.namespace() + "/" + r.name();
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(o);
            }
        }
        List<String> out = new ArrayList<>();
        for (List<ObjectResult> same : byId.values()) {
            if (same.size() > 1) {
                out.add(same.get(0).ref() + " is in the input " + same.size() + " times ("
                        + String.join(", ", same.stream().map(ObjectResult::location).toList()) + ")");
            }
        }
        return out;
    }

    /** One line for {@code duplicates}: how many, the first few, and {@code consequence}. */
    public static String duplicatesSummary(List<String> duplicates, String consequence) {
        String some = String.join("; ", duplicates.subList(0, Math.min(3, duplicates.size())));
        return duplicates.size() + (duplicates.size() == 1 ? " object is" : " objects are") + " in the input more than once ("
                + some + (duplicates.size() > 3 ? "; …, all listed in the README" : "") + "): " + consequence;
    }

    /** The reference the converter gives {@code node}. */
    static ObjectRef ref(JsonNode node) {
        JsonNode metadata = node.path("metadata");
        return new ObjectRef(node.path("apiVersion").asText(), node.path("kind").asText(),
                metadata.path("namespace").asText(null), metadata.path("name").asText(null));
    }
}
