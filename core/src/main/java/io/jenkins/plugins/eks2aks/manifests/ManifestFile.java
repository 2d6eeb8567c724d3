package io.jenkins.plugins.eks2aks.manifests;

import java.util.List;

/**
 * A manifest file as read.
 *
 * @param path      relative to the input root, with {@code /} separators; the output mirrors it
 * @param json      whether the file is JSON (written back as JSON)
 * @param text      the whole file as read, for byte-exact copies of untouched files
 * @param documents its documents in order
 */
public record ManifestFile(String path, boolean json, String text, List<ManifestDocument> documents) {

    public ManifestFile {
        documents = List.copyOf(documents);
    }
}
