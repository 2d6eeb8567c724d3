package io.jenkins.plugins.eks2aks.inventory;

import java.util.List;

/**
 * A kind the live inventory lists, with the API versions to try in order (the first one served wins).
 *
 * @param group      the API group, empty for the core group
 * @param versions   versions to try, preferred first
 * @param kind       the kind
 * @param plural     the resource name in URLs
 * @param namespaced whether it lives in namespaces
 * @param builtIn    served by every cluster (false: present only when its CRD is installed)
 */
record ResourceKind(String group, List<String> versions, String kind, String plural, boolean namespaced, boolean builtIn) {

    /** Everything the inventory reads. Secrets are left out on purpose: their data is never needed and never read. */
    static final List<ResourceKind> ALL = List.of(
            core("Namespace", "namespaces", false), core("Node", "nodes", false), core("ServiceAccount", "serviceaccounts", true),
            core("ConfigMap", "configmaps", true), core("PersistentVolume", "persistentvolumes", false),
            core("PersistentVolumeClaim", "persistentvolumeclaims", true), core("Service", "services", true),
            core("Pod", "pods", true), core("ReplicationController", "replicationcontrollers", true),
            builtIn("apps", "Deployment", "deployments", true), builtIn("apps", "StatefulSet", "statefulsets", true),
            builtIn("apps", "DaemonSet", "daemonsets", true), builtIn("apps", "ReplicaSet", "replicasets", true),
            builtIn("batch", "Job", "jobs", true), builtIn("batch", "CronJob", "cronjobs", true),
            new ResourceKind("autoscaling", List.of("v2"), "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, true),
            builtIn("policy", "PodDisruptionBudget", "poddisruptionbudgets", true),
            builtIn("networking.k8s.io", "Ingress", "ingresses", true), builtIn("networking.k8s.io", "IngressClass", "ingressclasses", false),
            builtIn("networking.k8s.io", "NetworkPolicy", "networkpolicies", true),
            builtIn("storage.k8s.io", "StorageClass", "storageclasses", false), builtIn("storage.k8s.io", "CSIDriver", "csidrivers", false),
            builtIn("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false),
            crd("snapshot.storage.k8s.io", List.of("v1"), "VolumeSnapshotClass", "volumesnapshotclasses", false),
            crd("secrets-store.csi.x-k8s.io", List.of("v1"), "SecretProviderClass", "secretproviderclasses", true),
            crd("external-secrets.io", List.of("v1", "v1beta1"), "SecretStore", "secretstores", true),
            crd("external-secrets.io", List.of("v1", "v1beta1"), "ClusterSecretStore", "clustersecretstores", false),
            crd("external-secrets.io", List.of("v1", "v1beta1"), "ExternalSecret", "externalsecrets", true),
            crd("elbv2.k8s.aws", List.of("v1beta1"), "TargetGroupBinding", "targetgroupbindings", true),
            crd("elbv2.k8s.aws", List.of("v1beta1"), "IngressClassParams", "ingressclassparams", false),
            crd("vpcresources.k8s.aws", List.of("v1beta1"), "SecurityGroupPolicy", "securitygrouppolicies", true),
            crd("crd.k8s.amazonaws.com", List.of("v1alpha1"), "ENIConfig", "eniconfigs", false),
            crd("karpenter.sh", List.of("v1", "v1beta1"), "NodePool", "nodepools", false),
            crd("karpenter.k8s.aws", List.of("v1", "v1beta1"), "EC2NodeClass", "ec2nodeclasses", false));

    String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    private static ResourceKind core(String kind, String plural, boolean namespaced) {
        return new ResourceKind("", List.of("v1"), kind, plural, namespaced, true);
    }

    private static ResourceKind builtIn(String group, String kind, String plural, boolean namespaced) {
        return new ResourceKind(group, List.of("v1"), kind, plural, namespaced, true);
    }

    private static ResourceKind crd(String group, List<String> versions, String kind, String plural, boolean namespaced) {
        return new ResourceKind(group, versions, kind, plural, namespaced, false);
    }
}
