package io.jenkins.plugins.eks2aks.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Kubernetes API versions that releases stopped serving (eks-to-aks-mapping.md §8.1, from the upstream
 * deprecation guide), and the few still served but deprecated. Shared by the inventory, which reports what a
 * cluster still uses, and the manifest converter, which rewrites it.
 */
public final class ApiRemovals {

    /**
     * One API version of some kinds that a release removed (or, with {@code removedIn} null, deprecated).
     *
     * @param apiVersion  e.g. {@code batch/v1beta1}
     * @param kinds       the kinds affected; empty means every kind of that API version
     * @param removedIn   the first release that no longer serves it; null when only deprecated
     * @param deprecated  the release that deprecated it, when known
     * @param replacement what to use instead, e.g. {@code batch/v1}
     * @param notes       field changes the move needs, or empty
     */
    public record Removal(String apiVersion, Set<String> kinds, KubernetesVersion removedIn,
                          KubernetesVersion deprecated, String replacement, String notes) {

        public boolean matches(String apiVersion, String kind) {
            return this.apiVersion.equals(apiVersion) && (kinds.isEmpty() || kinds.contains(kind));
        }

        /** Whether a cluster at {@code version} no longer serves it. */
        public boolean isRemovedBy(KubernetesVersion version) {
            return removedIn != null && !version.isBefore(removedIn);
        }

        /** The apiVersion objects move to; empty when nothing replaces the API (PodSecurityPolicy). */
        public Optional<String> replacementApiVersion() {
            return API_VERSION.matcher(replacement).matches() ? Optional.of(replacement) : Optional.empty();
        }
    }

    /** {@code v1}, {@code batch/v1}, {@code flowcontrol.apiserver.k8s.io/v1beta3}: a replacement that is an apiVersion. */
    private static final Pattern API_VERSION = Pattern.compile("^([a-z0-9.-]+/)?v[0-9]+((alpha|beta)[0-9]+)?$");

    private static final List<Removal> TABLE = List.of(
            removed("extensions/v1beta1", Set.of("Deployment", "DaemonSet", "ReplicaSet"), "1.16", "apps/v1", "spec.selector is required"),
            removed("extensions/v1beta1", Set.of("NetworkPolicy"), "1.16", "networking.k8s.io/v1", ""),
            removed("extensions/v1beta1", Set.of("PodSecurityPolicy"), "1.16", "none: Pod Security Admission labels or Azure Policy", "not migrated"),
            removed("apps/v1beta1", Set.of(), "1.16", "apps/v1", "spec.selector is required"),
            removed("apps/v1beta2", Set.of(), "1.16", "apps/v1", "spec.selector is required"),
            removed("admissionregistration.k8s.io/v1beta1", Set.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"), "1.22", "admissionregistration.k8s.io/v1", "failurePolicy defaults to Fail; sideEffects and admissionReviewVersions are required"),
            removed("apiextensions.k8s.io/v1beta1", Set.of("CustomResourceDefinition"), "1.22", "apiextensions.k8s.io/v1", "spec.scope and a structural schema per version are required"),
            removed("apiregistration.k8s.io/v1beta1", Set.of("APIService"), "1.22", "apiregistration.k8s.io/v1", ""),
            removed("authentication.k8s.io/v1beta1", Set.of("TokenReview"), "1.22", "authentication.k8s.io/v1", ""),
            removed("authorization.k8s.io/v1beta1", Set.of(), "1.22", "authorization.k8s.io/v1", "spec.group becomes spec.groups"),
            removed("certificates.k8s.io/v1beta1", Set.of("CertificateSigningRequest"), "1.22", "certificates.k8s.io/v1", "signerName and usages are required"),
            removed("coordination.k8s.io/v1beta1", Set.of("Lease"), "1.22", "coordination.k8s.io/v1", ""),
            removed("extensions/v1beta1", Set.of("Ingress"), "1.22", "networking.k8s.io/v1", "serviceName/servicePort become service.name/service.port; pathType is required"),
            removed("networking.k8s.io/v1beta1", Set.of("Ingress", "IngressClass"), "1.22", "networking.k8s.io/v1", "serviceName/servicePort become service.name/service.port; pathType is required"),
            removed("rbac.authorization.k8s.io/v1beta1", Set.of(), "1.22", "rbac.authorization.k8s.io/v1", ""),
            removed("scheduling.k8s.io/v1beta1", Set.of("PriorityClass"), "1.22", "scheduling.k8s.io/v1", ""),
            removed("storage.k8s.io/v1beta1", Set.of("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"), "1.22", "storage.k8s.io/v1", ""),
            removed("batch/v1beta1", Set.of("CronJob"), "1.25", "batch/v1", ""),
            removed("discovery.k8s.io/v1beta1", Set.of("EndpointSlice"), "1.25", "discovery.k8s.io/v1", "per-endpoint nodeName/zone replace topology"),
            removed("events.k8s.io/v1beta1", Set.of("Event"), "1.25", "events.k8s.io/v1", "involvedObject becomes regarding"),
            removed("autoscaling/v2beta1", Set.of("HorizontalPodAutoscaler"), "1.25", "autoscaling/v2", "targetAverageUtilization becomes target.averageUtilization"),
            removed("policy/v1beta1", Set.of("PodDisruptionBudget"), "1.25", "policy/v1", "an empty spec.selector now selects every pod of the namespace"),
            removed("policy/v1beta1", Set.of("PodSecurityPolicy"), "1.25", "none: Pod Security Admission labels or Azure Policy", "not migrated"),
            removed("node.k8s.io/v1beta1", Set.of("RuntimeClass"), "1.25", "node.k8s.io/v1", ""),
            removed("autoscaling/v2beta2", Set.of("HorizontalPodAutoscaler"), "1.26", "autoscaling/v2", ""),
            removed("flowcontrol.apiserver.k8s.io/v1beta1", Set.of("FlowSchema", "PriorityLevelConfiguration"), "1.26", "flowcontrol.apiserver.k8s.io/v1", ""),
            removed("storage.k8s.io/v1beta1", Set.of("CSIStorageCapacity"), "1.27", "storage.k8s.io/v1", ""),
            removed("flowcontrol.apiserver.k8s.io/v1beta2", Set.of("FlowSchema", "PriorityLevelConfiguration"), "1.29", "flowcontrol.apiserver.k8s.io/v1", "assuredConcurrencyShares becomes nominalConcurrencyShares"),
            removed("flowcontrol.apiserver.k8s.io/v1beta3", Set.of("FlowSchema", "PriorityLevelConfiguration"), "1.32", "flowcontrol.apiserver.k8s.io/v1", ""),
            new Removal("v1", Set.of("Endpoints"), null, KubernetesVersion.of("1.33"), "discovery.k8s.io/v1 EndpointSlice",
                    "still served; the API server warns on every use"));

    private ApiRemovals() {
    }

    /** Every entry, oldest removal first. */
    public static List<Removal> all() {
        return TABLE;
    }

    /** The entry for an object's apiVersion and kind if a cluster at {@code target} no longer serves it. */
    public static Optional<Removal> removedBy(String apiVersion, String kind, KubernetesVersion target) {
        return find(apiVersion, kind).filter(r -> r.isRemovedBy(target));
    }

    /** The entry for an object's apiVersion and kind, if that API version is removed or deprecated. */
    public static Optional<Removal> find(String apiVersion, String kind) {
        return TABLE.stream().filter(r -> r.matches(apiVersion, kind)).findFirst();
    }

    private static Removal removed(String apiVersion, Set<String> kinds, String removedIn, String replacement, String notes) {
        return new Removal(apiVersion, kinds, KubernetesVersion.of(removedIn), null, replacement, notes);
    }
}
