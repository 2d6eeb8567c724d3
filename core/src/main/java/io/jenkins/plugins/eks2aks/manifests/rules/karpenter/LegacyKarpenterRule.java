package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.List;
import java.util.Map;

/**
 * KP3: Karpenter APIs before v1 (Provisioner and AWSNodeTemplate v1alpha5/v1alpha1, NodePool and EC2NodeClass
 * v1beta1) changed shape on the way to v1 (expiry moved, kubelet moved to the node class, consolidation policies
 * renamed). They are upgraded with Karpenter's own v1 migration first; KP1 and KP2 convert the result.
 */
public final class LegacyKarpenterRule implements ConversionRule {

    public static final String ID = "KP3";
    private static final Map<String, String> LEGACY = Map.of(
            "karpenter.sh/v1alpha5", "Provisioner",
            "karpenter.k8s.aws/v1alpha1", "AWSNodeTemplate",
            "karpenter.sh/v1beta1", "NodePool",
            "karpenter.k8s.aws/v1beta1", "EC2NodeClass");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return object.kind().equals(LEGACY.get(object.ref().apiVersion()));
    }

    @Override
    public List<Change> apply(KubeObject object) {
        String target = object.ref().apiVersion().startsWith("karpenter.sh") ? "karpenter.sh/v1 NodePool" : "karpenter.k8s.aws/v1 EC2NodeClass";
        return List.of(Changes.of(object, ID).decision("/apiVersion", object.kind() + " " + object.ref().apiVersion()
                + " predates Karpenter v1: upgrade it to " + target + " with Karpenter's v1 migration guide in the source, "
                + "then convert again (KP1/KP2 handle v1) (catalog KP3; S22)"));
    }
}
