package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises and reads the input's {@code kustomization.yaml} files. The namespace a kustomization gives the
 * objects it includes is each build's ({@link KustomizeBuilds}): a base under two overlays is in the namespace of
 * each, not in the one of the overlay read last.
 */
final class Kustomizations {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomizations() {
    }

    static boolean isKustomization(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("Kustomization");
    }

    /** Whether a {@code resources}/{@code bases}/{@code components} entry is remote (a URL, {@code github.com/…}, {@code git@…}): nothing reads it. */
    static boolean isRemote(String resource) {
        return resource.contains("://") || resource.startsWith("github.com/") || resource.startsWith("git@");
    }

    /** {@code entry} of kustomization {@code kustomization} (both relative to the input) as a path relative to the input. */
    static String resolve(String kustomization, String entry) {
        Path dir = Path.of(kustomization).getParent();
        return (dir == null ? Path.of(entry) : dir.resolve(entry)).normalize().toString().replace('\\', '/');
    }

    /** Each kustomization of {@code input} (relative to the input) as read, in input order; none for a single file. */
    static Map<String, JsonNode> readAll(ManifestSet input) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (input.directory()) {
            input.passThrough().stream().filter(Kustomizations::isKustomization)
                    .forEach(k -> out.put(k, read(input.root().resolve(k))));
        }
        return out;
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException | RuntimeException e) {
            return YAML.createObjectNode(); // not readable as YAML: it sets nothing we could honour
        }
    }
}
