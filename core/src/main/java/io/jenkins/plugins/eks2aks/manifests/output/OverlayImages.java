package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The overlay's {@code images:} entries: one per ECR repository whose every container image moved to the same
 * ACR repository with tag and digest kept (Kustomize rewrites {@code containers} and {@code initContainers} of
 * every kind, so an entry is only safe when no occurrence was meant to stay), and the image changes they carry.
 *
 * @param entries by repository name
 * @param covered the image changes the entries carry: their paths, by object (the original tree, by identity)
 * @param notes   repositories whose moved images stay JSON patches, and why
 */
record OverlayImages(List<Entry> entries, Map<JsonNode, Set<String>> covered, List<String> notes) {

    /** An {@code images:} entry and how many container images it moves. */
    record Entry(String name, String newName, int occurrences) {
    }

    /** Whether the image change at {@code path} of {@code original} is carried by an entry. */
    boolean covers(JsonNode original, String path) {
        return covered.getOrDefault(original, Set.of()).contains(path);
    }

    static OverlayImages of(List<ObjectResult> objects) {
        Map<String, String> newNames = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> refused = new TreeMap<>();
        Map<String, List<ImageNames.Occurrence>> moved = new HashMap<>();
        Map<ImageNames.Occurrence, JsonNode> owners = new IdentityHashMap<>();
        for (ObjectResult object : objects) {
            if (object.excluded()) {
                continue; // deleted by the overlay: its images do not matter
            }
            Map<String, Change> changes = new HashMap<>();
            for (Change c : object.applied()) {
                if (ImageNames.isImageChange(c)) {
                    changes.put(c.path(), c);
                }
            }
            for (ImageNames.Occurrence o : ImageNames.kustomizeImages(object.original())) {
                String name = ImageNames.name(o.image());
                Change c = changes.get(o.path());
                String why = null;
                if (c == null) {
                    why = object.ref() + " keeps " + o.image() + " at " + o.path();
                } else if (!ImageNames.suffix(c.after().asText()).equals(ImageNames.suffix(o.image()))) {
                    why = object.ref() + " changes the tag or digest of " + o.image();
                } else {
                    String newName = ImageNames.name(c.after().asText());
                    String previous = newNames.putIfAbsent(name, newName);
                    if (previous != null && !previous.equals(newName)) {
                        why = "it moves to both " + previous + " and " + newName;
                    }
                }
                if (why != null) {
                    refused.putIfAbsent(name, why);
                } else {
                    counts.merge(name, 1, Integer::sum);
                    moved.computeIfAbsent(name, n -> new ArrayList<>()).add(o);
                    owners.put(o, object.original());
                }
            }
        }
        // An entry whose new name is another entry's name could be applied twice: keep both as patches.
        for (String name : newNames.keySet()) {
            String target = newNames.get(name);
            if (!refused.containsKey(name) && newNames.containsKey(target) && !target.equals(name)) {
                refused.put(name, "its new name " + target + " is itself moved");
            }
        }
        Map<String, Entry> entries = new TreeMap<>();
        Map<JsonNode, Set<String>> covered = new IdentityHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String> e : newNames.entrySet()) {
            String name = e.getKey();
            if (refused.containsKey(name)) {
                if (counts.containsKey(name)) {
                    notes.add("Image " + name + " is moved by JSON patches, not by an images: entry, because "
                            + refused.get(name));
                }
                continue;
            }
            entries.put(name, new Entry(name, e.getValue(), counts.get(name)));
            for (ImageNames.Occurrence o : moved.get(name)) {
                covered.computeIfAbsent(owners.get(o), k -> new HashSet<>()).add(o.path());
            }
        }
        return new OverlayImages(List.copyOf(entries.values()), covered, List.copyOf(notes));
    }
}
