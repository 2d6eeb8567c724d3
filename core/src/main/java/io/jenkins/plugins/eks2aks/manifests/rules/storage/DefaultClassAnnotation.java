package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * SC14: a class converted in place does not become the cluster default: AKS already has one ({@code default}),
 * and two default classes make claims without a class ambiguous.
 */
final class DefaultClassAnnotation {

    static final String ID = "SC14";
    private static final List<String> ANNOTATIONS = List.of("storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class");
    private static final String REASON = "AKS already has a default class (default, same as managed-csi); a second "
            + "default makes claims without a class ambiguous (catalog SC14; S2)";

    private DefaultClassAnnotation() {
    }

    static List<Change> drop(KubeObject storageClass) {
        List<Change> out = new ArrayList<>();
        var annotations = storageClass.at("/metadata/annotations");
        for (String annotation : ANNOTATIONS) {
            if (annotations.has(annotation)) {
                // The only annotation goes with its map, so that no empty "annotations: {}" is left behind.
                out.add(annotations.size() == 1
                        ? Changes.of(storageClass, ID).remove("/metadata/annotations", RuleMode.DROP, REASON)
                        : Changes.of(storageClass, ID).removeKey("/metadata/annotations", annotation, RuleMode.DROP, REASON));
            }
        }
        return out;
    }
}
