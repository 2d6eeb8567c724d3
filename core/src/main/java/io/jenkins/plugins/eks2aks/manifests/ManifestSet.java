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
 * @param notes     one line per file read differently than as manifests (Helm templates, values files), for the log
 * @param excluded  files left out by the exclusion globs: not read, not written
 */
public record ManifestSet(Path root, boolean directory, List<ManifestFile> files, List<String> passThrough,
                          List<String> notes, List<String> excluded) {

    public ManifestSet {
        files = List.copyOf(files);
        passThrough = List.copyOf(passThrough);
        notes = List.copyOf(notes);
        excluded = List.copyOf(excluded);
    }

    public ManifestSet(Path root, boolean directory, List<ManifestFile> files, List<String> passThrough,
                       List<String> notes) {
        this(root, directory, files, passThrough, notes, List.of());
    }

    public ManifestSet(Path root, boolean directory, List<ManifestFile> files, List<String> passThrough) {
        this(root, directory, files, passThrough, List.of());
    }

    public int documentCount() {
        return files.stream().mapToInt(f -> f.documents().size()).sum();
    }
}
