package io.jenkins.plugins.eks2aks.manifests;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from one input path.
 *
 * @param root      the input directory, or the input file itself
 * @param directory whether the input was a directory
 * @param files     the manifest files, sorted by path
 * @param passThrough other files found in the directory (e.g. {@code kustomization.yaml}), copied unchanged
 */
public record ManifestSet(Path root, boolean directory, List<ManifestFile> files, List<String> passThrough) {

    public ManifestSet {
        files = List.copyOf(files);
        passThrough = List.copyOf(passThrough);
    }

    public int documentCount() {
        return files.stream().mapToInt(f -> f.documents().size()).sum();
    }
}
