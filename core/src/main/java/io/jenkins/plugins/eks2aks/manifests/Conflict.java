package io.jenkins.plugins.eks2aks.manifests;

import java.util.List;

/**
 * Two or more rules that want to change the same field of one object. None of their changes is applied:
 * guessing which one wins could silently produce the wrong manifest.
 *
 * @param document the document holding the object
 * @param object   the object
 * @param path     the contested JSON pointer, relative to the object
 * @param ruleIds  the rules involved, sorted
 */
public record Conflict(ManifestDocument document, ObjectRef object, String path, List<String> ruleIds) {

    public Conflict {
        ruleIds = List.copyOf(ruleIds);
    }
}
