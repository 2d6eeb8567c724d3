package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files the input's kustomizations apply as patches ({@code patches[].path}, {@code patchesStrategicMerge},
 * {@code patchesJson6902[].path}), as {@code kubectl kustomize} reads them. A strategic-merge patch is a partial
 * object: the rules convert what it holds, but it defines nothing (no StorageClass, no Ingress group) and a field it
 * does not set is the target's, not missing. Inline patches (a {@code patch:} text in the kustomization) and JSON 6902
 * patches are collected as {@link KustomizePatch}es for {@link KustomizePatchConversion}; the kustomizations and
 * JSON 6902 files count as patch files too, so the rules read the objects made of them as partial objects.
 */
public final class KustomizePatches {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Set<String> files = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private final List<KustomizePatch> unread = new ArrayList<>();

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
            if (!Kustomizations.isKustomization(kustomization)) {
                continue;
            }
            JsonNode k = Kustomizations.read(input.root().resolve(kustomization));
            JsonNode patchList = k.path("patches");
            for (int i = 0; i < patchList.size(); i++) {
                JsonNode entry = patchList.get(i);
                if (entry.path("path").isTextual()) {
                    patches.file(entry.path("path").asText(), kustomization, "patches", i, entry.path("target"), input);
                } else if (entry.path("patch").isTextual()) {
                    patches.inline(kustomization, "patches", i, entry.path("patch").asText(), entry.path("target"));
                }
            }
            JsonNode strategic = k.path("patchesStrategicMerge");
            for (int i = 0; i < strategic.size(); i++) {
                String entry = strategic.get(i).asText("");
                if (entry.contains("\n")) {
                    patches.inline(kustomization, "patchesStrategicMerge", i, entry, MissingNode.getInstance());
                } else {
                    patches.file(entry, kustomization, "patchesStrategicMerge", i, MissingNode.getInstance(), input);
                }
            }
            JsonNode json6902 = k.path("patchesJson6902");
            for (int i = 0; i < json6902.size(); i++) {
                JsonNode entry = json6902.get(i);
                if (entry.path("path").isTextual()) {
                    patches.file(entry.path("path").asText(), kustomization, "patchesJson6902", i, entry.path("target"), input);
                } else if (entry.path("patch").isTextual()) {
                    patches.inline(kustomization, "patchesJson6902", i, entry.path("patch").asText(), entry.path("target"));
                }
            }
        }
        return patches;
    }

    private void inline(String kustomization, String field, int index, String text, JsonNode target) {
        files.add(kustomization); // the objects made of its inline patches are partial objects
        add(new KustomizePatch(kustomization, field, index, null, text, target));
    }

    /** A patch the conversion can read: a list of operations with a target kind, or one object with a kind. */
    private void add(KustomizePatch patch) {
        JsonNode parsed = readText(patch.text());
        boolean operations = parsed.isArray() && !patch.target().path("kind").asText("").isEmpty();
        boolean object = parsed.isObject() && !patch.text().contains("\n---") && (parsed.path("kind").isTextual() || patch.target().path("kind").isTextual());
        if (operations || object) {
            unread.add(patch);
        } else {
            unconverted(patch.text(), patch.where() + ": " + (parsed.isArray() ? "a JSON 6902 patch without a target kind"
                    : "a patch that is not one object (several documents, or not YAML)") + ", not converted: check its values "
                    + "(image references, annotations) by hand", notes, decisions);
        }
    }

    private void file(String entry, String kustomization, String field, int index, JsonNode target, ManifestSet input) {
        String file = Kustomizations.resolve(kustomization, entry);
        if (input.files().stream().anyMatch(f -> f.path().equals(file))) {
            files.add(file);
        } else if (input.passThrough().contains(file)) {
            String text;
            try {
                text = Files.readString(input.root().resolve(file));
            } catch (IOException | RuntimeException e) {
                text = "";
            }
            files.add(file);
            add(new KustomizePatch(kustomization, field, index, file, text, target));
        }
    }

    /** A patch left as it is: a note, or a decision when it sets what decides a load balancer's scheme. */
    static String unconverted(String text, String line, List<String> notes, List<String> decisions) {
        if (setsScheme(text)) {
            String decision = line + "; it sets load-balancer or ingress settings, so an internal load balancer could "
                    + "become public on AKS: a decision";
            decisions.add(decision);
            return decision;
        }
        notes.add(line);
        return line;
    }

    /** Whether {@code text} names a key whose value decides whether a load balancer is internal. */
    static boolean setsScheme(String text) {
        String unescaped = text.replace("~1", "/"); // JSON 6902 paths write the keys' slashes as ~1
        return SCHEME_KEYS.stream().anyMatch(unescaped::contains);
    }

    /** The inline and JSON 6902 patches, in kustomization order: {@link KustomizePatchConversion} converts them. */
    public List<KustomizePatch> unread() {
        return List.copyOf(unread);
    }

    /**
     * One line per patch that is not read (not one object, nor operations with a target kind) and sets load-balancer
     * or ingress settings: each counts as a pending decision.
     */
    public List<String> decisions() {
        return List.copyOf(decisions);
    }

    /** Whether {@code file} (relative to the input) is applied as a strategic-merge patch. */
    public boolean isPatch(String file) {
        return files.contains(file);
    }

    /** One line per other patch that is not read. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The patch's text as one YAML (or JSON) node; a missing node when it is not one. */
    static JsonNode readText(String text) {
        try {
            JsonNode node = YAML.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }
}
