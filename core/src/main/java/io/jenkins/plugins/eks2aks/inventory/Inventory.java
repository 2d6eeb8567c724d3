package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;

import java.util.List;
import java.util.Map;

/**
 * Everything the inventory found, ready to render. Lists are sorted, so two runs on the same cluster give the
 * same reports.
 *
 * @param source            what was read, e.g. {@code EKS cluster shop-prod in us-east-1} or a dump path
 * @param live              read from a live cluster (false: a dump)
 * @param sourceVersion     the EKS Kubernetes version, or null when a dump does not say
 * @param supportStatus     the EKS support status of that version
 * @param targetVersion     the AKS version the API review is for
 * @param controlPlane      what the EKS API said, or null (dumps, kubeconfig-only runs)
 * @param nodePools         the proposed AKS node pools
 * @param computeNotes      Fargate, Karpenter and Auto Mode: what replaces them
 * @param servedApiVersions API group versions the server serves (live only)
 * @param crds              names of the custom resource definitions
 * @param notes             what could not be checked
 */
public record Inventory(String source, boolean live, KubernetesVersion sourceVersion, String supportStatus,
                        KubernetesVersion targetVersion, EksControlPlane controlPlane, List<NodePoolPlan> nodePools,
                        List<String> computeNotes, WorkloadCounts counts, List<ImageCatalog.Image> images,
                        List<Finding> findings, List<ApiUsage> apiUsages, List<StatefulFootprint.Claim> claims,
                        List<String> servedApiVersions, List<String> crds, List<String> notes) {

    public static final String SCHEMA = "eks2aks.io/inventory/v1";

    /** Findings per severity, every severity present (zero when none). */
    public Map<Severity, Long> findingsBySeverity() {
        Map<Severity, Long> out = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, findings.stream().filter(f -> f.severity() == s).count());
        }
        return out;
    }

    /** The ECR images to copy to ACR: the workloads' own, not the EKS add-ons' (AKS brings its own components). */
    public List<String> ecrImages() {
        return images.stream().filter(i -> i.ecr() && !i.system()).map(ImageCatalog.Image::reference).toList();
    }
}
