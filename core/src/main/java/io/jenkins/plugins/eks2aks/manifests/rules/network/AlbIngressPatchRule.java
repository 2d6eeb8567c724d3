package io.jenkins.plugins.eks2aks.manifests.rules.network;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.Iterator;
import java.util.List;

/**
 * A kustomize patch of an Ingress that sets AWS Load Balancer Controller annotations but leaves the class to its
 * target: the ALB it describes (an overlay making a public base internal, say) is only known once kustomize has
 * merged it, and the conversion of the base does not see it. Never passed on silently: a decision.
 */
public final class AlbIngressPatchRule implements ConversionRule {

    private final InputIndex index;

    public AlbIngressPatchRule(InputIndex index) {
        this.index = index;
    }

    @Override
    public String id() {
        return AlbIngressRule.ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "Ingress".equals(object.kind()) && index.isPatch(object) && !index.albIngresses().isAlb(object)
                && object.at("/spec/ingressClassName").isMissingNode() && hasAlbAnnotation(object);
    }

    @Override
    public List<Change> apply(KubeObject patch) {
        String scheme = patch.at("/metadata/annotations").path(AlbIngressRule.ALB + "scheme").asText("");
        return List.of(Changes.of(patch, AlbIngressRule.ID).decision("/metadata/annotations",
                "a kustomize patch setting ALB settings" + (scheme.isEmpty() ? "" : " (scheme " + scheme + ")")
                        + " on the Ingress it patches: the ALB it gives is only known after kustomize merges it, so the "
                        + "AKS ingress class of the converted target may not match (an internal ALB must stay internal): "
                        + "convert the patch by hand, setting spec.ingressClassName to the AKS class for that scheme "
                        + "(catalog N2, S10)"));
    }

    private static boolean hasAlbAnnotation(KubeObject ingress) {
        for (Iterator<String> it = ingress.at("/metadata/annotations").fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith(AlbIngressRule.ALB)) {
                return true;
            }
        }
        return false;
    }
}
