package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code change-storage-class} rows: old class → new class, for PVCs, PVs and StatefulSet volume claim
 * templates (Velero's {@code ChangeStorageClassAction}). A class gets a row only when every field holding it moves
 * to the same class; then the classes the conversion leaves out for an AKS built-in and the mapping file's table,
 * since a backup of the live cluster holds claims the input may not (EKS sets the default class on claims that name
 * none).
 *
 * @param rows    by old class, sorted
 * @param notes   classes left to the resource modifiers, and why
 * @param carried the storageClassName changes the rows carry, by object (original tree, by identity)
 */
record VeleroStorageClasses(List<Row> rows, List<String> notes, Map<JsonNode, Set<Change>> carried) {

    /** One row and the comment saying where it comes from. */
    record Row(String from, String to, String comment) {
    }

    private static final Pattern STORAGE_CLASS_PATH = Pattern.compile("/spec(?:/volumeClaimTemplates/\\d+/spec)?/storageClassName");

    /** A storageClassName field of a PVC, PV or StatefulSet claim template, and the change to it if any. */
    private record Site(ObjectResult object, String path, String value, Change change) {
    }

    static VeleroStorageClasses of(List<ObjectResult> objects, Map<String, String> mapping) {
        List<Site> sites = sites(objects);
        Map<String, Set<String>> targets = new TreeMap<>();
        Map<String, Set<String>> users = new TreeMap<>();
        for (Site s : sites) {
            Change c = s.change();
            String target = c != null && "replace".equals(c.op()) && c.after() != null && c.after().isTextual()
                    ? c.after().asText() : s.value();
            targets.computeIfAbsent(s.value(), k -> new TreeSet<>()).add(target);
            users.computeIfAbsent(s.value(), k -> new LinkedHashSet<>()).add(s.object().ref().toString());
        }
        List<String> notes = new ArrayList<>();
        Map<String, Row> rows = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : targets.entrySet()) {
            String old = e.getKey();
            Set<String> to = e.getValue();
            if (to.size() == 1 && !to.contains(old)) {
                rows.put(old, new Row(old, to.iterator().next(), "used by " + summary(users.get(old))));
            } else if (to.size() > 1) {
                notes.add("Storage class " + old + " is not mapped by change-storage-class: the conversion gives its "
                        + "users different classes (" + String.join(", ", to) + "); resource modifiers carry each change");
            }
        }
        Map<JsonNode, Set<Change>> carried = new IdentityHashMap<>();
        for (Site s : sites) {
            Row row = rows.get(s.value());
            if (s.change() != null && row != null && s.change().after().asText().equals(row.to())) {
                carried.computeIfAbsent(s.object().original(), k -> new HashSet<>()).add(s.change());
            }
        }
        for (ObjectResult object : objects) {
            if (object.excluded() && object.ref().kind().equals("StorageClass") && object.ref().name() != null) {
                String name = object.ref().name();
                String to = mapping.get(name);
                if (to != null && !to.equals(name) && !targets.containsKey(name)) {
                    rows.put(name, new Row(name, to, "StorageClass " + name + " is left out for the AKS class "
                            + to + " (" + object.exclusion().ruleId() + ")"));
                }
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(mapping).entrySet()) {
            if (!rows.containsKey(e.getKey()) && !targets.containsKey(e.getKey()) && !e.getKey().equals(e.getValue())) {
                rows.put(e.getKey(), new Row(e.getKey(), e.getValue(), "from the mapping file; no object of the input uses it"));
            }
        }
        return new VeleroStorageClasses(List.copyOf(rows.values()), List.copyOf(notes), carried);
    }

    private static List<Site> sites(List<ObjectResult> objects) {
        List<Site> sites = new ArrayList<>();
        for (ObjectResult object : objects) {
            if (object.excluded() || !List.of("PersistentVolumeClaim", "PersistentVolume", "StatefulSet")
                    .contains(object.ref().kind())) {
                continue;
            }
            Map<String, Change> changes = new HashMap<>();
            for (Change c : object.applied()) {
                if (STORAGE_CLASS_PATH.matcher(c.path()).matches()) {
                    changes.put(c.path(), c);
                }
            }
            List<String> paths = new ArrayList<>();
            if (object.ref().kind().equals("StatefulSet")) {
                JsonNode templates = object.original().at("/spec/volumeClaimTemplates");
                for (int i = 0; i < templates.size(); i++) {
                    paths.add("/spec/volumeClaimTemplates/" + i + "/spec/storageClassName");
                }
            } else {
                paths.add("/spec/storageClassName");
            }
            for (String path : paths) {
                JsonNode value = object.original().at(path);
                if (value.isTextual() && !value.asText().isEmpty()) {
                    sites.add(new Site(object, path, value.asText(), changes.get(path)));
                }
            }
        }
        return sites;
    }

    private static String summary(Set<String> users) {
        List<String> list = new ArrayList<>(users);
        if (list.size() <= 3) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, 3)) + " and " + (list.size() - 3) + " more";
    }
}
