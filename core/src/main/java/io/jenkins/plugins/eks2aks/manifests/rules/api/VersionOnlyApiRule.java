package io.jenkins.plugins.eks2aks.manifests.rules.api;

import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;
import java.util.Set;

/**
 * Removals whose replacement has the same fields: only the apiVersion changes. One instance per concept:
 * CronJob (API2), CSIStorageCapacity (API8), and every removal no dedicated rule converts (API12: RBAC, Lease,
 * PriorityClass, IngressClass, StorageClass, CSIDriver, RuntimeClass, APIService, NetworkPolicy, …).
 */
public final class VersionOnlyApiRule extends RemovedApiRule {

    public static final String CRON_JOB = "API2";
    public static final String CSI_STORAGE_CAPACITY = "API8";
    public static final String OTHERS = "API12";

    /** Kinds a dedicated rule converts; API12 leaves them alone. */
    static final Set<String> DEDICATED_KINDS = Set.of("Ingress", "CronJob", "HorizontalPodAutoscaler",
            "PodDisruptionBudget", "PodSecurityPolicy", "EndpointSlice", "FlowSchema", "PriorityLevelConfiguration",
            "CSIStorageCapacity", "Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "CustomResourceDefinition", "SubjectAccessReview",
            "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "CertificateSigningRequest");

    private final Set<String> kinds;

    private VersionOnlyApiRule(String id, Set<String> kinds, RuleContext context) {
        super(id, context);
        this.kinds = kinds;
    }

    public static VersionOnlyApiRule cronJobs(RuleContext context) {
        return new VersionOnlyApiRule(CRON_JOB, Set.of("CronJob"), context);
    }

    public static VersionOnlyApiRule csiStorageCapacities(RuleContext context) {
        return new VersionOnlyApiRule(CSI_STORAGE_CAPACITY, Set.of("CSIStorageCapacity"), context);
    }

    /** Every removal without a dedicated rule. */
    public static VersionOnlyApiRule others(RuleContext context) {
        return new VersionOnlyApiRule(OTHERS, Set.of(), context);
    }

    @Override
    boolean handles(KubeObject object) {
        return kinds.isEmpty() ? !DEDICATED_KINDS.contains(object.kind()) : kinds.contains(object.kind());
    }

    @Override
    List<Change> convert(KubeObject object, ApiRemovals.Removal removal) {
        return removal.replacementApiVersion()
                .map(to -> List.of(apiVersion(object, removal, to, RuleMode.AUTO, "same fields")))
                .orElse(List.of());
    }
}
