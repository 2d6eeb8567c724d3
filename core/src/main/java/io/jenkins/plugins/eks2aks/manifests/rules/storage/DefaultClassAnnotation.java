package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * SC14: a class converted in place keeps its default-class annotation. Claims without a class went to it on EKS;
 * dropping the annotation would send them to AKS's {@code default} (managed-csi: Standard SSD, Delete) without a
 * word. AKS then has two default classes, and Kubernetes (≥ 1.26) gives such claims the newest one, which is this
 * class once it is applied; the warning says so.
 */
final class DefaultClassAnnotation {

    static final String ID = "SC14";
    private static final List<String> ANNOTATIONS = List.of("storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class");
    private static final String REASON = "kept: claims without a class used this class on EKS. AKS already has a default "
            + "class (default, same as managed-csi); with two, Kubernetes ≥ 1.26 picks the newest for claims without a "
            + "class, which is this one once applied. Remove the annotation here to send them to AKS's default instead "
            + "(catalog SC14; S2)";

    private DefaultClassAnnotation() {
    }

    static boolean isDefault(JsonNode storageClass) {
        JsonNode annotations = storageClass.path("metadata").path("annotations");
        return ANNOTATIONS.stream().anyMatch(a -> "true".equals(annotations.path(a).asText()));
    }

    /** The annotation, unchanged, with the warning above. */
    static List<Change> keep(KubeObject storageClass) {
        List<Change> out = new ArrayList<>();
        JsonNode annotations = storageClass.at("/metadata/annotations");
        for (String annotation : ANNOTATIONS) {
            if ("true".equals(annotations.path(annotation).asText())) {
                out.add(Changes.of(storageClass, ID).replace(Pointers.child("/metadata/annotations", annotation),
                        annotations.path(annotation).asText(), RuleMode.AUTO_WARN, REASON));
            }
        }
        return out;
    }
}
