package io.jenkins.plugins.eks2aks.manifests;

import java.util.Set;

/**
 * Kinds that have no namespace: the API server ignores a {@code metadata.namespace} they carry, so no rule may
 * judge them by it (a Karpenter NodePool written with {@code namespace: karpenter} is no part of the Karpenter
 * controller's namespace).
 */
public final class ClusterScoped {

    /** {@code group/kind} of the cluster-scoped kinds rules meet; core kinds with an empty group. */
    private static final Set<String> KINDS = Set.of("karpenter.sh/NodePool", "karpenter.sh/NodeClaim",
            "karpenter.sh/Provisioner", "karpenter.k8s.aws/EC2NodeClass", "karpenter.k8s.aws/AWSNodeTemplate",
            "eks.amazonaws.com/NodeClass", "karpenter.azure.com/AKSNodeClass", "/Namespace", "/PersistentVolume", "/Node",
            "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/VolumeAttributesClass",
            "snapshot.storage.k8s.io/VolumeSnapshotClass", "snapshot.storage.k8s.io/VolumeSnapshotContent",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "apiextensions.k8s.io/CustomResourceDefinition", "networking.k8s.io/IngressClass",
            "gateway.networking.k8s.io/GatewayClass", "scheduling.k8s.io/PriorityClass");

    private ClusterScoped() {
    }

    public static boolean is(KubeObject object) {
        String apiVersion = object.ref().apiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return KINDS.contains(group + "/" + object.kind());
    }

    /** The namespace the object lives in: a Namespace's own name, none for a cluster-scoped kind, else its own. */
    public static String namespaceOf(KubeObject object) {
        if ("Namespace".equals(object.kind())) {
            return object.ref().name();
        }
        return is(object) ? null : object.ref().namespace();
    }
}
