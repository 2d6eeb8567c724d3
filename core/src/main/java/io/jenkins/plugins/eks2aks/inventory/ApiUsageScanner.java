package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds removed and deprecated API versions. An API server returns objects at the versions it serves, so the old
 * versions show elsewhere: in {@code kubectl.kubernetes.io/last-applied-configuration} (the manifests kept in git)
 * and in {@code managedFields} (clients that still write through the old API). Both break on the target.
 */
final class ApiUsageScanner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesVersion target;
    private final List<ApiUsage> found = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    ApiUsageScanner(KubernetesVersion target) {
        this.target = target;
    }

    void add(ClusterObject o) {
        check(o, o.ref().apiVersion(), o.kind(), "served");
        JsonNode lastApplied = o.annotations().get("kubectl.kubernetes.io/last-applied-configuration");
        if (lastApplied != null) {
            try {
                JsonNode applied = JSON.readTree(lastApplied.asText());
                check(o, applied.path("apiVersion").asText(), applied.path("kind").asText(o.kind()), "last-applied-configuration");
            } catch (java.io.IOException e) {
                // A hand-edited annotation that is not JSON says nothing about API versions.
            }
        }
        for (JsonNode entry : o.object().path("metadata").path("managedFields")) {
            check(o, entry.path("apiVersion").asText(), o.kind(), "managedFields (" + entry.path("manager").asText("unknown manager") + ")");
        }
    }

    void addInsight(io.jenkins.plugins.eks2aks.manifests.ObjectRef ref, String apiVersion, String removedIn, String replacement) {
        KubernetesVersion removed = KubernetesVersion.parse(removedIn).orElse(null);
        record(new ApiUsage(ref, apiVersion, "EKS upgrade insight", removedIn == null ? "unknown" : removedIn,
                replacement == null ? "" : replacement, removed != null && !target.isBefore(removed)));
    }

    private void check(ClusterObject o, String apiVersion, String kind, String source) {
        ApiRemovals.find(apiVersion, kind).ifPresent(r -> record(new ApiUsage(o.ref(), apiVersion, source,
                r.removedIn() == null ? "deprecated in " + r.deprecated() : r.removedIn().toString(), r.replacement(),
                r.isRemovedBy(target))));
    }

    private void record(ApiUsage usage) {
        if (seen.add(usage.object() + "\u0000" + usage.apiVersion() + "\u0000" + usage.source())) {
            found.add(usage);
        }
    }

    List<ApiUsage> usages() {
        List<ApiUsage> out = new ArrayList<>(found);
        out.sort(Comparator.comparing((ApiUsage u) -> !u.removedByTarget())
                .thenComparing(u -> u.object().toString()).thenComparing(ApiUsage::apiVersion).thenComparing(ApiUsage::source));
        return out;
    }
}
