package io.jenkins.plugins.eks2aks.manifests.output;

import java.util.Locale;
import java.util.Map;

/**
 * The plural resource name of a kind, as the API server (and Velero's {@code groupResource}) spells it. The
 * built-in kinds are listed; any other kind (a custom resource) gets the lowercase plural that CRD
 * generators produce by default, which its CRD may override.
 */
public final class KindResources {

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            // core
            Map.entry("Binding", "bindings"),
            Map.entry("ConfigMap", "configmaps"),
            Map.entry("Endpoints", "endpoints"),
            Map.entry("Event", "events"),
            Map.entry("LimitRange", "limitranges"),
            Map.entry("Namespace", "namespaces"),
            Map.entry("Node", "nodes"),
            Map.entry("PersistentVolume", "persistentvolumes"),
            Map.entry("PersistentVolumeClaim", "persistentvolumeclaims"),
            Map.entry("Pod", "pods"),
            Map.entry("PodTemplate", "podtemplates"),
            Map.entry("ReplicationController", "replicationcontrollers"),
            Map.entry("ResourceQuota", "resourcequotas"),
            Map.entry("Secret", "secrets"),
            Map.entry("Service", "services"),
            Map.entry("ServiceAccount", "serviceaccounts"),
            // apps, batch, autoscaling, policy
            Map.entry("ControllerRevision", "controllerrevisions"),
            Map.entry("DaemonSet", "daemonsets"),
            Map.entry("Deployment", "deployments"),
            Map.entry("ReplicaSet", "replicasets"),
            Map.entry("StatefulSet", "statefulsets"),
            Map.entry("CronJob", "cronjobs"),
            Map.entry("Job", "jobs"),
            Map.entry("HorizontalPodAutoscaler", "horizontalpodautoscalers"),
            Map.entry("PodDisruptionBudget", "poddisruptionbudgets"),
            Map.entry("PodSecurityPolicy", "podsecuritypolicies"),
            // networking, discovery
            Map.entry("Ingress", "ingresses"),
            Map.entry("IngressClass", "ingressclasses"),
            Map.entry("NetworkPolicy", "networkpolicies"),
            Map.entry("EndpointSlice", "endpointslices"),
            // storage, snapshots
            Map.entry("CSIDriver", "csidrivers"),
            Map.entry("CSINode", "csinodes"),
            Map.entry("CSIStorageCapacity", "csistoragecapacities"),
            Map.entry("StorageClass", "storageclasses"),
            Map.entry("VolumeAttachment", "volumeattachments"),
            Map.entry("VolumeAttributesClass", "volumeattributesclasses"),
            Map.entry("VolumeSnapshot", "volumesnapshots"),
            Map.entry("VolumeSnapshotClass", "volumesnapshotclasses"),
            Map.entry("VolumeSnapshotContent", "volumesnapshotcontents"),
            // rbac, admission, api extensions
            Map.entry("ClusterRole", "clusterroles"),
            Map.entry("ClusterRoleBinding", "clusterrolebindings"),
            Map.entry("Role", "roles"),
            Map.entry("RoleBinding", "rolebindings"),
            Map.entry("MutatingWebhookConfiguration", "mutatingwebhookconfigurations"),
            Map.entry("ValidatingWebhookConfiguration", "validatingwebhookconfigurations"),
            Map.entry("ValidatingAdmissionPolicy", "validatingadmissionpolicies"),
            Map.entry("ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings"),
            Map.entry("CustomResourceDefinition", "customresourcedefinitions"),
            Map.entry("APIService", "apiservices"),
            // scheduling, coordination, flow control, node, certificates
            Map.entry("PriorityClass", "priorityclasses"),
            Map.entry("Lease", "leases"),
            Map.entry("FlowSchema", "flowschemas"),
            Map.entry("PriorityLevelConfiguration", "prioritylevelconfigurations"),
            Map.entry("RuntimeClass", "runtimeclasses"),
            Map.entry("CertificateSigningRequest", "certificatesigningrequests"),
            // add-ons this tool converts
            Map.entry("SecretProviderClass", "secretproviderclasses"),
            Map.entry("ExternalSecret", "externalsecrets"),
            Map.entry("SecretStore", "secretstores"),
            Map.entry("ClusterSecretStore", "clustersecretstores"));

    private KindResources() {
    }

    /** {@code Deployment} → {@code deployments}; {@code NetworkPolicy} → {@code networkpolicies}. */
    public static String plural(String kind) {
        String known = BUILT_IN.get(kind);
        if (known != null) {
            return known;
        }
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.endsWith("s") || k.endsWith("x") || k.endsWith("z") || k.endsWith("ch") || k.endsWith("sh")) {
            return k + "es";
        }
        if (k.length() > 1 && k.endsWith("y") && "aeiou".indexOf(k.charAt(k.length() - 2)) < 0) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return k + "s";
    }

    /** The API group of {@code apiVersion}: {@code apps/v1} → {@code apps}, {@code v1} → {@code ""}. */
    public static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The version of {@code apiVersion}: {@code apps/v1} → {@code v1}. */
    public static String version(String apiVersion) {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** {@code deployments.apps}, or {@code pods} for the core group: Velero's {@code groupResource}. */
    public static String groupResource(String apiVersion, String kind) {
        String group = group(apiVersion);
        return plural(kind) + (group.isEmpty() ? "" : "." + group);
    }
}
