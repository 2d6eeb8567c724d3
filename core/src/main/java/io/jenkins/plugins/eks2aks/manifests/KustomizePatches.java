package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files the input's kustomizations apply as patches ({@code patches[].path}, {@code patchesStrategicMerge},
 * {@code patchesJson6902[].path}), as {@code kubectl kustomize} reads them. A strategic-merge patch is a partial
 * object: the rules convert what it holds, but it defines nothing (no StorageClass, no Ingress group) and a field it
 * does not set is the target's, not missing. Inline patches (a {@code patch:} text in the kustomization) and JSON 6902
 * patches are not converted; each one is named in a note.
 */
public final class KustomizePatches {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Set<String> files = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();

    /** Keys whose value decides whether a load balancer is internal: a patch setting one that is not converted could make it public. */
    private static final List<String> SCHEME_KEYS = List.of("service.beta.kubernetes.io/aws-load-balancer-",
            "alb.ingress.kubernetes.io/", "ingressClassName", "loadBalancerClass");

    private KustomizePatches() {
    }

    public static KustomizePatches none() {
        return new KustomizePatches();
    }

    /** The patches of {@code input}'s kustomizations; none for a single file. */
    public static KustomizePatches of(ManifestSet input) {
        KustomizePatches patches = new KustomizePatches();
        if (!input.directory()) {
            return patches;
        }
        for (String kustomization : input.passThrough()) {
            if (!KustomizeNamespaces.isKustomization(kustomization)) {
                continue;
            }
            JsonNode k = read(input.root().resolve(kustomization));
            Path dir = Path.of(kustomization).getParent();
            JsonNode patchList = k.path("patches");
            for (int i = 0; i < patchList.size(); i++) {
                JsonNode entry = patchList.get(i);
                if (entry.path("path").isTextual()) {
                    patches.file(dir, entry.path("path").asText(), kustomization, "patches[" + i + "]", input);
                } else if (entry.path("patch").isTextual()) {
                    patches.unconverted(entry.path("patch").asText(), kustomization + " patches[" + i + "]: an inline patch, "
                            + "not converted: move it to a file the kustomization names in path:, or convert it by hand");
                }
            }
            JsonNode strategic = k.path("patchesStrategicMerge");
            for (int i = 0; i < strategic.size(); i++) {
                String entry = strategic.get(i).asText("");
                if (entry.contains("\n")) {
                    patches.unconverted(entry, kustomization + " patchesStrategicMerge[" + i + "]: an inline patch, not "
                            + "converted: move it to a file, or convert it by hand");
                } else {
                    patches.file(dir, entry, kustomization, "patchesStrategicMerge[" + i + "]", input);
                }
            }
            JsonNode json6902 = k.path("patchesJson6902");
            for (int i = 0; i < json6902.size(); i++) {
                if (json6902.get(i).path("path").isTextual()) {
                    patches.file(dir, json6902.get(i).path("path").asText(), kustomization, "patchesJson6902[" + i + "]", input);
                }
            }
        }
        return patches;
    }

    private void file(Path dir, String entry, String kustomization, String where, ManifestSet input) {
        String file = (dir == null ? Path.of(entry) : dir.resolve(entry)).normalize().toString().replace('\\', '/');
        if (input.files().stream().anyMatch(f -> f.path().equals(file))) {
            files.add(file);
        } else if (input.passThrough().contains(file)) {
            String text;
            try {
                text = Files.readString(input.root().resolve(file));
            } catch (IOException | RuntimeException e) {
                text = "";
            }
            unconverted(text, kustomization + " " + where + ": " + file + " is a JSON 6902 patch (a list of operations), not "
                    + "converted: check its values (image references, annotations) by hand");
        }
    }

    /** A patch left as it is: a note, or a decision when it sets what decides a load balancer's scheme. */
    private void unconverted(String text, String line) {
        if (SCHEME_KEYS.stream().anyMatch(text::contains)) {
            decisions.add(line + "; it sets load-balancer or ingress settings, so an internal load balancer could become "
                    + "public on AKS: a decision");
        } else {
            notes.add(line);
        }
    }

    /** One line per unconverted patch that sets load-balancer or ingress settings: each counts as a pending decision. */
    public List<String> decisions() {
        return List.copyOf(decisions);
    }

    /** Whether {@code file} (relative to the input) is applied as a strategic-merge patch. */
    public boolean isPatch(String file) {
        return files.contains(file);
    }

    /** One line per patch that is not converted. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException | RuntimeException e) {
            return YAML.createObjectNode(); // not readable as YAML: kubectl kustomize will say so
        }
    }
}
