package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document after conversion.
 *
 * @param original  the document as read
 * @param converted the converted tree, or null when no change was applied (the document is written as read)
 */
public record ConvertedDocument(ManifestDocument original, JsonNode converted) {

    public boolean changed() {
        return converted != null;
    }
}
