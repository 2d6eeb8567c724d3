package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the rules over every object of every document. Rules only propose changes; this class collects them,
 * leaves out excluded objects, merges additions to the same new map, holds back changes that contest the same
 * field, and applies the rest as one RFC 6902 patch per document. The input is never modified: the patch
 * produces a new tree.
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
                List<ObjectNode> ops = new ArrayList<>();
                boolean documentExcluded = false;
                for (KubeObject object : objectsOf(document)) {
                    objects++;
                    boolean excluded = convertObject(object, ops, changes, conflicts);
                    if (excluded && object.pointer().isEmpty()) {
                        documentExcluded = true;
                    } else if (excluded) {
                        ops.add(JsonNodeFactory.instance.objectNode().put("op", "remove").put("path", object.pointer()));
                    }
                }
                JsonNode converted = documentExcluded || ops.isEmpty() ? null : JsonPatch.apply(ordered(ops), document.content());
                documents.add(new ConvertedDocument(document, converted, documentExcluded));
            }
        }
        KustomizePatches patches = KustomizePatches.of(input);
        leaveOutPatchesOfExcludedObjects(patches, documents, changes);
        KustomizePatchConversion unread = KustomizePatchConversion.of(patches.unread(), this::convertPartial);
        changes.addAll(unread.changes());
        conflicts.addAll(unread.conflicts());
        List<String> decisions = new ArrayList<>(patches.decisions());
        decisions.addAll(unread.decisions());
        return new ConversionResult(input, documents, changes, conflicts, objects, decisions, unread.rewrites());
    }

    /** The rules applied to one partial object (a kustomize patch's): its changes, and the object with them applied. */
    private KustomizePatchConversion.Converted convertPartial(KubeObject object) {
        List<ObjectNode> ops = new ArrayList<>();
        List<ObjectChange> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        boolean excluded = convertObject(object, ops, changes, conflicts);
        ObjectNode after = excluded || ops.isEmpty() ? object.object()
                : (ObjectNode) JsonPatch.apply(ordered(ops), object.object());
        return new KustomizePatchConversion.Converted(after, changes, conflicts, excluded);
    }

    /**
     * A kustomize patch of an object the conversion leaves out goes with it: kubectl kustomize fails on a patch
     * whose target is missing. The patch then also leaves the kustomization's list (the writer drops it).
     */
    private static void leaveOutPatchesOfExcludedObjects(KustomizePatches patches, List<ConvertedDocument> documents,
                                                         List<ObjectChange> changes) {
        Map<String, ObjectChange> excluded = new HashMap<>();
        for (ObjectChange c : changes) {
            if (c.change().isExclusion() && !patches.isPatch(c.document().file())) {
                excluded.putIfAbsent(c.object().kind() + "/" + c.object().name(), c);
            }
        }
        if (excluded.isEmpty()) {
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            ConvertedDocument d = documents.get(i);
            if (d.excluded() || !patches.isPatch(d.original().file())) {
                continue;
            }
            List<KubeObject> objects = objectsOf(d.original());
            if (objects.size() != 1 || !objects.get(0).pointer().isEmpty()) {
                continue;
            }
            KubeObject patch = objects.get(0);
            ObjectChange target = excluded.get(patch.kind() + "/" + patch.ref().name());
            if (target == null || !sameNamespace(patch.ref().namespace(), target.object().namespace())) {
                continue;
            }
            ManifestDocument document = d.original();
            changes.removeIf(c -> c.document() == document);
            changes.add(new ObjectChange(document, patch.ref(), Changes.of(patch, target.change().ruleId()).exclude(
                    "a kustomize patch of " + target.object() + " (" + target.document().file() + "), which is not migrated: "
                            + "left out with it, and dropped from the kustomization"), true));
            documents.set(i, new ConvertedDocument(document, null, true));
        }
    }

    private static boolean sameNamespace(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    /** Collects the rules' changes for one object; returns whether the object is excluded. */
    private boolean convertObject(KubeObject object, List<ObjectNode> ops, List<ObjectChange> changes,
                                  List<Conflict> conflicts) {
        List<Change> proposed = new ArrayList<>();
        for (ConversionRule rule : rules) {
            if (rule.appliesTo(object)) {
                // Each rule reads its own copy (see KubeObject): a rule that wrote into its view by mistake cannot
                // change what the next rule sees.
                proposed.addAll(rule.apply(object.copy()));
            }
        }
        Change exclusion = proposed.stream().filter(Change::isExclusion).findFirst().orElse(null);
        if (exclusion != null) {
            // An excluded object is not migrated at all: its other changes would only be noise in the report.
            changes.add(new ObjectChange(object.document(), object.ref(), exclusion, true));
            return true;
        }
        List<Change> applicable = mergeAdditions(proposed.stream().filter(c -> c.mode().applies()).toList());
        Set<String> contested = contestedPaths(object, applicable, conflicts);
        for (Change change : applicable) {
            boolean apply = !contested.contains(change.path());
            if (apply) {
                ops.add(change.toPatchOperation(object.pointer()));
            }
        }
        for (Change change : proposed) {
            boolean applied = change.mode().applies() && !contested.contains(change.path());
            changes.add(new ObjectChange(object.document(), object.ref(), change, applied));
        }
        return false;
    }

    /**
     * Two rules that each add a key to a map the object does not have yet both propose {@code add} of a new
     * map at the same path: that is no conflict, the maps are merged (a key both set differently still is).
     */
    private static List<Change> mergeAdditions(List<Change> changes) {
        Map<String, List<Change>> newMaps = new LinkedHashMap<>();
        for (Change c : changes) {
            if ("add".equals(c.op()) && c.before() == null && c.after() != null && c.after().isObject()) {
                newMaps.computeIfAbsent(c.path(), p -> new ArrayList<>()).add(c);
            }
        }
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            List<Change> group = newMaps.get(c.path());
            if (group == null || group.size() < 2 || !"add".equals(c.op())) {
                out.add(c);
            } else if (group.get(0) == c) {
                ObjectNode merged = JsonNodeFactory.instance.objectNode();
                boolean clash = false;
                for (Change g : group) {
                    clash |= !mergeInto(merged, (ObjectNode) g.after());
                }
                if (clash) {
                    out.addAll(group);
                } else {
                    out.add(new Change("add", c.path(), null, merged, c.ruleId(), c.mode(), c.reason(), c.mappingKeys()));
                }
            }
        }
        return out;
    }

    /**
     * Merges {@code from} into {@code into}, maps key by key at every depth (two rules may each create the same
     * missing parent, e.g. a pod template's metadata with labels from one and annotations from the other);
     * returns false when a value both set differs.
     */
    private static boolean mergeInto(ObjectNode into, ObjectNode from) {
        boolean clean = true;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) from::fields) {
            JsonNode previous = into.get(e.getKey());
            if (previous == null) {
                into.set(e.getKey(), e.getValue().deepCopy());
            } else if (previous.isObject() && e.getValue().isObject()) {
                clean &= mergeInto((ObjectNode) previous, (ObjectNode) e.getValue());
            } else {
                clean &= previous.equals(e.getValue());
            }
        }
        return clean;
    }

    /** Paths that more than one rule wants to change, or where one rule's change lies inside another's. */
    private static Set<String> contestedPaths(KubeObject object, List<Change> proposed, List<Conflict> conflicts) {
        Map<String, Set<String>> rulesByPath = new TreeMap<>();
        for (Change change : proposed) {
            rulesByPath.computeIfAbsent(change.path(), p -> new TreeSet<>()).add(change.ruleId());
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
            long sameRuleTwice = proposed.stream().filter(c -> c.path().equals(a.getKey())).count();
            if (involved.size() > 1 || sameRuleTwice > 1 && !a.getKey().endsWith("/-")) {
                contested.add(a.getKey());
                conflicts.add(new Conflict(object.document(), object.ref(), a.getKey(), List.copyOf(involved)));
            }
        }
        return contested;
    }

    /**
     * Additions and replacements first, in the order proposed; removals last, deepest and highest array index
     * first, so that removing {@code env/1} cannot shift {@code env/3} out from under another removal.
     */
    public static ArrayNode ordered(List<ObjectNode> ops) {
        List<ObjectNode> removals = new ArrayList<>();
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode op : ops) {
            if ("remove".equals(op.path("op").asText())) {
                removals.add(op);
            } else {
                patch.add(op);
            }
        }
        removals.sort(Comparator.comparing((ObjectNode op) -> op.path("path").asText(), ManifestConverter::comparePointers).reversed());
        removals.forEach(patch::add);
        return patch;
    }

    /** Orders pointers segment by segment, numbers numerically. */
    static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** The document itself, or each item of a {@code kind: List}, as read-only copies. */
    public static List<KubeObject> objectsOf(ManifestDocument document) {
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
