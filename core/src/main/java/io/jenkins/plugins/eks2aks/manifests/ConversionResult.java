package io.jenkins.plugins.eks2aks.manifests;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversion did to a set of manifests: each document's result, every change and every conflict, in
 * input order (file, document, object, rule), so reports built from it are stable.
 *
 * @param input     what was read
 * @param documents every document's result, in input order
 * @param changes   every change proposed, applied or not
 * @param conflicts contested fields, whose changes were held back
 * @param objects   how many Kubernetes objects were examined (List items count one each)
 * @param inputDecisions decisions about the input that belong to no object (a kustomize patch left unconverted
 *                  that sets load-balancer settings), one line each
 * @param patchRewrites kustomize patches written anew (inline patches, JSON 6902 files) with their converted text
 */
public record ConversionResult(ManifestSet input, List<ConvertedDocument> documents, List<ObjectChange> changes,
                               List<Conflict> conflicts, int objects, List<String> inputDecisions,
                               List<PatchRewrite> patchRewrites) {

    public ConversionResult {
        documents = List.copyOf(documents);
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
        inputDecisions = List.copyOf(inputDecisions);
        patchRewrites = List.copyOf(patchRewrites);
    }

    public ConversionResult(ManifestSet input, List<ConvertedDocument> documents, List<ObjectChange> changes,
                            List<Conflict> conflicts, int objects, List<String> inputDecisions) {
        this(input, documents, changes, conflicts, objects, inputDecisions, List.of());
    }

    public ConversionResult(ManifestSet input, List<ConvertedDocument> documents, List<ObjectChange> changes,
                            List<Conflict> conflicts, int objects) {
        this(input, documents, changes, conflicts, objects, List.of());
    }

    /** Count of changes by mode; modes without changes count 0. */
    public Map<RuleMode, Integer> countByMode() {
        Map<RuleMode, Integer> counts = new EnumMap<>(RuleMode.class);
        for (RuleMode mode : RuleMode.values()) {
            counts.put(mode, 0);
        }
        changes.forEach(c -> counts.merge(c.change().mode(), 1, Integer::sum));
        return counts;
    }

    public int changedDocuments() {
        return (int) documents.stream().filter(ConvertedDocument::changed).count();
    }

    /**
     * Decisions left to a person. An input without any Kubernetes object counts as one: converting nothing is
     * almost always the wrong folder or an unrendered chart, and must not pass a pipeline as a success.
     */
    public int pendingDecisions() {
        return (int) changes.stream().filter(c -> c.change().mode() == RuleMode.HUMAN).count() + (empty() ? 1 : 0)
                + inputDecisions.size();
    }

    /**
     * The pending decisions that belong to no object, one line each, as reports list them: {@link #inputDecisions()},
     * and the empty input's when there is no object at all (both count in {@link #pendingDecisions()}).
     */
    public List<String> decisionsAboutInput() {
        if (!empty()) {
            return inputDecisions;
        }
        List<String> out = new java.util.ArrayList<>();
        out.add("The input holds no Kubernetes object: nothing was converted; check the path, and render Helm charts "
                + "with helm template first");
        out.addAll(inputDecisions);
        return List.copyOf(out);
    }

    /** Whether the input held no Kubernetes object at all. */
    public boolean empty() {
        return objects == 0;
    }
}
