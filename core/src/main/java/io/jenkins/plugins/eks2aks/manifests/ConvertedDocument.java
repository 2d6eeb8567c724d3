package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document after conversion.
 *
 * @param original  the document as read
 * @param converted the converted tree, or null when no change was applied (the document is written as read)
 * @param excluded  the document is left out of the output (its object was excluded from the migration)
 */
public record ConvertedDocument(ManifestDocument original, JsonNode converted, boolean excluded) {

    public boolean changed() {
        return converted != null || excluded;
    }
}
