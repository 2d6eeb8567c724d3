package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which files of the input each kustomize build is made of. A build is a kustomization no other kustomization of the
 * input includes (a root: {@code overlays/dev}, {@code overlays/prod}); its files are those it reaches through
 * {@code resources}, {@code bases} and {@code components} (other kustomizations, files, folders) and the files it
 * applies as patches ({@code patches}, {@code patchesStrategicMerge}, {@code patchesJson6902}), transitively. Remote
 * resources are not followed. A base shared by several overlays belongs to each of their builds: each build is an
 * object space of its own, where a dev overlay's ServiceAccount is not prod's.
 */
public final class KustomizeBuilds {

    /** Each file's place in each build it belongs to: file → build → membership. */
    private final Map<String, Map<String, Membership>> byFile = new HashMap<>();

    /**
     * How a file is part of one build.
     *
     * @param namespace the namespace the build puts the file's objects in, replacing their own (the outermost
     *                  kustomization's {@code namespace:} wins, as in {@code kubectl kustomize}); null for none
     * @param depth     how many kustomizations deep it is included (0: by the build's own kustomization)
     * @param patch     whether it is applied as a patch (or is a kustomization, whose inline patches it holds)
     */
    public record Membership(String namespace, int depth, boolean patch) {

        /** Lower wins when two definitions of an object meet in a build: a patch over what it patches. */
        public int precedence() {
            return 2 * depth + (patch ? 0 : 1);
        }
    }

    private KustomizeBuilds() {
    }

    public static KustomizeBuilds none() {
        return new KustomizeBuilds();
    }

    /** The builds of {@code input}'s kustomizations ({@link Kustomizations#readAll read}); none for a single file. */
    static KustomizeBuilds of(ManifestSet input, Map<String, JsonNode> read) {
        KustomizeBuilds builds = new KustomizeBuilds();
        if (!input.directory()) {
            return builds;
        }
        Set<String> manifests = new HashSet<>();
        input.files().forEach(f -> manifests.add(f.path()));
        Set<String> known = new HashSet<>(manifests);
        known.addAll(input.passThrough());
        List<String> kustomizations = read.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        Set<String> included = new HashSet<>();
        for (String k : kustomizations) {
            for (String target : includes(k, read.get(k))) {
                kustomizationIn(target, read).ifPresent(included::add);
            }
        }
        for (String root : kustomizations) {
            if (!included.contains(root)) {
                String build = Optional.ofNullable(Path.of(root).getParent()).map(p -> p.toString().replace('\\', '/')).orElse(".");
                builds.walk(build, root, 0, null, read, manifests, known, new HashSet<>());
            }
        }
        return builds;
    }

    private void walk(String build, String kustomization, int depth, String outerNamespace, Map<String, JsonNode> read,
                      Set<String> manifests, Set<String> known, Set<String> visited) {
        if (!visited.add(kustomization)) {
            return; // a cycle: kubectl kustomize refuses it
        }
        JsonNode k = read.get(kustomization);
        String own = k.path("namespace").asText("");
        String namespace = outerNamespace != null ? outerNamespace : own.isEmpty() ? null : own;
        add(kustomization, build, new Membership(namespace, depth, true));
        for (String target : includes(kustomization, k)) {
            Optional<String> nested = kustomizationIn(target, read);
            if (nested.isPresent()) {
                walk(build, nested.get(), depth + 1, namespace, read, manifests, known, visited);
            } else if (manifests.contains(target)) {
                add(target, build, new Membership(namespace, depth, false));
            } else {
                for (String file : manifests) {
                    if (file.startsWith(target + "/")) {
                        add(file, build, new Membership(namespace, depth, false));
                    }
                }
            }
        }
        for (String patch : patchFiles(kustomization, k)) {
            if (known.contains(patch)) {
                add(patch, build, new Membership(namespace, depth, true));
            }
        }
    }

    private void add(String file, String build, Membership membership) {
        byFile.computeIfAbsent(file, f -> new TreeMap<>()).merge(build, membership,
                (a, b) -> a.precedence() <= b.precedence() ? a : b);
    }

    /** The local paths (relative to the input) {@code resources}, {@code bases} and {@code components} name. */
    private static List<String> includes(String kustomization, JsonNode k) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("resources", "bases", "components")) {
            for (JsonNode entry : k.path(field)) {
                String resource = entry.asText("");
                if (!resource.isEmpty() && !Kustomizations.isRemote(resource)) {
                    out.add(Kustomizations.resolve(kustomization, resource));
                }
            }
        }
        return out;
    }

    /** The files (relative to the input) a kustomization applies as patches. */
    private static List<String> patchFiles(String kustomization, JsonNode k) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("patches", "patchesJson6902")) {
            for (JsonNode entry : k.path(field)) {
                if (entry.path("path").isTextual()) {
                    out.add(Kustomizations.resolve(kustomization, entry.path("path").asText()));
                }
            }
        }
        for (JsonNode entry : k.path("patchesStrategicMerge")) {
            String text = entry.asText("");
            if (!text.isEmpty() && !text.contains("\n")) {
                out.add(Kustomizations.resolve(kustomization, text));
            }
        }
        return out;
    }

    /** The kustomization of folder {@code target}, when the input has one. */
    private static Optional<String> kustomizationIn(String target, Map<String, JsonNode> read) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            String candidate = target.isEmpty() || target.equals(".") ? name : target + "/" + name;
            if (read.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The builds {@code file} (relative to the input) belongs to, sorted; none when no kustomization includes it. */
    public Set<String> buildsOf(String file) {
        return new TreeSet<>(byFile.getOrDefault(file, Map.of()).keySet());
    }

    /** How {@code file} is part of {@code build}, if it is. */
    public Optional<Membership> membership(String build, String file) {
        return Optional.ofNullable(byFile.getOrDefault(file, Map.of()).get(build));
    }
}
