package io.jenkins.plugins.eks2aks.manifests;

/**
 * A change together with the object and document it belongs to: one row of the conversion report.
 *
 * @param document the document holding the object
 * @param object   the object changed
 * @param change   what changes, why, and by which rule
 * @param applied  false when the change was held back (a HUMAN finding, or part of a conflict)
 */
public record ObjectChange(ManifestDocument document, ObjectRef object, Change change, boolean applied) {
}
