package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code configMapGenerator} entries of the input's kustomizations: the common Flux layout builds the ConfigMap a
 * HelmRelease takes its values from ({@code spec.valuesFrom}) from a plain values file next to the kustomization
 * ({@code files: [values.yaml=values.yaml]}), so that ConfigMap is not an object of the input but that file is.
 */
public final class ConfigMapGenerators {

    /** How reports name the values file a generator reads: {@code ConfigMapGenerator podinfo/podinfo-values}. */
    public static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";
    public static final String KIND = "ConfigMapGenerator";

    /**
     * One generator entry.
     *
     * @param kustomization the kustomization holding it, relative to the input
     * @param name          the ConfigMap's name (before kustomize's hash suffix)
     * @param namespace     its own {@code namespace:}, null for none
     * @param files         each data key of its {@code files:} and the file (relative to the input) giving it
     * @param otherKeys     data keys of its {@code literals:} and keys of its {@code envs:} files are not read: true
     *                      when it has any
     */
    public record Generator(String kustomization, String name, String namespace, Map<String, String> files, boolean otherKeys) {
    }

    /**
     * A generator a HelmRelease's reference names.
     *
     * @param generator the generator
     * @param file      the input file giving the reference's key; null when the key is not one of its {@code files:}
     *                  or the file is not in the input
     */
    public record Match(Generator generator, String file) {

        /** How a person finds it: {@code configMapGenerator podinfo-values of apps/kustomization.yaml}. */
        public String describe() {
            return "configMapGenerator " + generator.name() + " of " + generator.kustomization();
        }
    }

    private final List<Generator> generators;
    private final Set<String> inputFiles;

    private ConfigMapGenerators(List<Generator> generators, Set<String> inputFiles) {
        this.generators = generators;
        this.inputFiles = inputFiles;
    }

    public static ConfigMapGenerators none() {
        return new ConfigMapGenerators(List.of(), Set.of());
    }

    /** The generators (behaviour {@code create} or {@code merge}) of {@code input}'s kustomizations ({@link Kustomizations#readAll read}). */
    static ConfigMapGenerators of(ManifestSet input, Map<String, JsonNode> kustomizations) {
        if (!input.directory()) {
            return none();
        }
        List<Generator> out = new ArrayList<>();
        Set<String> files = new HashSet<>(input.passThrough());
        input.files().forEach(f -> files.add(f.path()));
        for (Map.Entry<String, JsonNode> k : kustomizations.entrySet()) {
            String kustomization = k.getKey();
            for (JsonNode entry : k.getValue().path("configMapGenerator")) {
                String behavior = entry.path("behavior").asText("create");
                String name = entry.path("name").asText("");
                if (name.isEmpty() || !(behavior.equals("create") || behavior.equals("merge"))) {
                    continue;
                }
                Map<String, String> keys = new LinkedHashMap<>();
                for (JsonNode file : entry.path("files")) {
                    String spec = file.asText("");
                    int eq = spec.indexOf('=');
                    String path = eq < 0 ? spec : spec.substring(eq + 1);
                    String key = eq < 0 ? Path.of(path).getFileName().toString() : spec.substring(0, eq);
                    keys.put(key, Kustomizations.resolve(kustomization, path));
                }
                String namespace = entry.path("namespace").asText("");
                out.add(new Generator(kustomization, name, namespace.isEmpty() ? null : namespace, keys,
                        entry.path("literals").size() > 0 || entry.path("envs").size() > 0 || entry.path("env").isTextual()));
            }
        }
        return new ConfigMapGenerators(List.copyOf(out), files);
    }

    /**
     * The generator of ConfigMap {@code name} for data key {@code key} among the kustomizations of one build (each with
     * its place in the build): of those giving the ConfigMap {@code namespace}, the outermost one whose {@code files:}
     * have the key (an overlay's {@code behavior: merge} replaces the base's key), else the first.
     */
    Optional<Match> find(String name, String namespace, String key, Map<String, KustomizeBuilds.Membership> inBuild) {
        Match best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (Generator g : generators) {
            KustomizeBuilds.Membership membership = inBuild.get(g.kustomization());
            if (!g.name().equals(name) || membership == null) {
                continue;
            }
            String ns = membership.namespace() != null ? membership.namespace() : g.namespace() != null ? g.namespace() : "default";
            if (!ns.equals(namespace)) {
                continue;
            }
            String file = g.files().get(key);
            if (best == null || file != null && membership.depth() < bestDepth) {
                best = new Match(g, file != null && inputFiles.contains(file) ? file : null);
                bestDepth = file != null ? membership.depth() : Integer.MAX_VALUE;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every input file a generator reads under {@code files:}, relative to the input. */
    public Set<String> files() {
        Set<String> out = new HashSet<>();
        generators.forEach(g -> g.files().values().stream().filter(inputFiles::contains).forEach(out::add));
        return out;
    }

    /** The kustomizations holding a generator. */
    List<String> kustomizations() {
        return generators.stream().map(Generator::kustomization).distinct().toList();
    }
}
