package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The namespace a {@code kustomization.yaml}'s {@code namespace:} gives the objects it includes, so that a
 * Deployment written without a namespace still meets the ServiceAccount of its namespace (eks-workshop's base
 * application sets the namespace only there). Resources are followed as files and folders; remote resources are
 * not read. When kustomizations nest, the outer one's namespace wins, as it does in {@code kubectl kustomize}:
 * deeper kustomizations are read first and the shallower overwrite them.
 */
public final class KustomizeNamespaces {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Map<String, String> byFile = new HashMap<>();

    private KustomizeNamespaces() {
    }

    public static KustomizeNamespaces none() {
        return new KustomizeNamespaces();
    }

    /** The namespaces of {@code input}'s kustomizations; none for a single file. */
    public static KustomizeNamespaces of(ManifestSet input) {
        KustomizeNamespaces namespaces = new KustomizeNamespaces();
        if (!input.directory()) {
            return namespaces;
        }
        List<String> manifests = input.files().stream().map(ManifestFile::path).toList();
        List<String> kustomizations = input.passThrough().stream().filter(KustomizeNamespaces::isKustomization)
                .sorted(Comparator.comparingInt((String p) -> p.split("/").length).reversed()).toList();
        for (String kustomization : kustomizations) {
            JsonNode k = read(input.root().resolve(kustomization));
            String namespace = k.path("namespace").asText("");
            if (namespace.isEmpty()) {
                continue;
            }
            Path dir = Path.of(kustomization).getParent();
            for (String field : List.of("resources", "bases")) {
                for (JsonNode entry : k.path(field)) {
                    String resource = entry.asText("");
                    if (resource.contains("://") || resource.startsWith("github.com/")) {
                        continue; // remote: not read
                    }
                    String target = (dir == null ? Path.of(resource) : dir.resolve(resource)).normalize().toString().replace('\\', '/');
                    for (String file : manifests) {
                        if (file.equals(target) || file.startsWith(target + "/")) {
                            namespaces.byFile.put(file, namespace);
                        }
                    }
                }
            }
        }
        return namespaces;
    }

    /** The namespace a kustomization gives the objects of {@code file} (relative to the input), if any. */
    public Optional<String> of(String file) {
        return Optional.ofNullable(byFile.get(file));
    }

    static boolean isKustomization(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("Kustomization");
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException | RuntimeException e) {
            return YAML.createObjectNode(); // not readable as YAML: it sets no namespace we could honour
        }
    }
}
