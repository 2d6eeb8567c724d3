package io.jenkins.plugins.eks2aks.manifests;

import java.util.List;

/** Builds parsed manifests from YAML text for tests. */
public final class Manifests {

    private Manifests() {
    }

    /** The objects of every document in {@code yaml}, as rules see them. */
    public static List<KubeObject> objects(String yaml) {
        return new ManifestReader().parse("test.yaml", yaml).documents().stream()
                .flatMap(d -> ManifestConverter.objectsOf(d).stream())
                .toList();
    }

    public static KubeObject object(String yaml) {
        List<KubeObject> objects = objects(yaml);
        if (objects.size() != 1) {
            throw new IllegalArgumentException("expected one object, got " + objects.size());
        }
        return objects.get(0);
    }

    public static ManifestSet set(String yaml) {
        return new ManifestSet(java.nio.file.Path.of("test.yaml"), false,
                List.of(new ManifestReader().parse("test.yaml", yaml)), List.of());
    }
}
