package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import io.jenkins.plugins.eks2aks.clusters.VmSizes;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.rules.karpenter.InstanceRequirement;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Translates EKS node labels used in selectors into AKS node labels (catalog §6.1). */
final class NodeLabels {

    static final String SPOT_KEY = "kubernetes.azure.com/scalesetpriority";
    private static final Set<String> ZONE_KEYS = Set.of("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");
    private static final Set<String> REGION_KEYS = Set.of("topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region");
    private static final Set<String> INSTANCE_KEYS = Set.of("node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type");
    private static final Set<String> AWS_ONLY = Set.of("topology.ebs.csi.aws.com/zone", "topology.k8s.aws/zone-id",
            "vpc.amazonaws.com/has-trunk-attached", "k8s.io/cloud-provider-aws");

    private final MigrationMapping mapping;

    NodeLabels(MigrationMapping mapping) {
        this.mapping = mapping;
    }

    /** Whether {@code key} is an EKS-specific label, or a portable one whose values are AWS names. */
    static boolean concerns(String key) {
        return key.startsWith("eks.amazonaws.com/") || ZONE_KEYS.contains(key) || REGION_KEYS.contains(key)
                || INSTANCE_KEYS.contains(key) || AWS_ONLY.contains(key) || key.startsWith("karpenter.k8s.aws/");
    }

    /** What the requirement {@code key in values} becomes; empty when it stays as it is. */
    Optional<NodeLabel> translate(String key, List<String> values) {
        if (key.equals("eks.amazonaws.com/capacityType")) {
            return Optional.of(capacity(values));
        }
        if (key.equals("eks.amazonaws.com/nodegroup")) {
            return Optional.of(mapped("S1", "kubernetes.azure.com/agentpool", values, mapping.nodePools(), "nodePools",
                    "node group", "AKS reserved label of the node pool (catalog S1, S21)"));
        }
        if (key.equals("eks.amazonaws.com/compute-type")) {
            return Optional.of(values.contains("fargate")
                    ? NodeLabel.human("S4", "Fargate pods: run them on a normal AKS node pool (drop this selector) or on virtual nodes (Azure CNI, no Workload ID) (catalog S4, S23)")
                    : NodeLabel.drop("S4", "EKS Auto Mode and hybrid nodes have no AKS counterpart; AKS schedules on its node pools (catalog S4)"));
        }
        if (key.startsWith("eks.amazonaws.com/")) {
            return Optional.of(NodeLabel.human("S10", key + " is an EKS node label without a known AKS counterpart: select on kubernetes.azure.com/agentpool or a label of your node pool (catalog §6.1)"));
        }
        if (INSTANCE_KEYS.contains(key)) {
            return Optional.of(instanceType(values));
        }
        if (ZONE_KEYS.contains(key)) {
            return Optional.of(mapped("S6", "topology.kubernetes.io/zone", values, mapping.zones(), "zones", "zone",
                    "AKS zones are <region>-<n>; AWS zone letters are per-account aliases, so the mapping is a decision (catalog S6, S21)"));
        }
        if (REGION_KEYS.contains(key)) {
            return Optional.of(mapped("S7", "topology.kubernetes.io/region", values, mapping.regions(), "regions", "region",
                    "the Azure region (catalog S7, §6.4)"));
        }
        if (AWS_ONLY.contains(key)) {
            return Optional.of(NodeLabel.drop("S11", key + " is set only on EKS nodes; no AKS node carries it (catalog S11)"));
        }
        if (key.startsWith("karpenter.k8s.aws/")) {
            return Optional.of(karpenter(key, values));
        }
        return Optional.empty();
    }

    private static NodeLabel capacity(List<String> values) {
        Set<String> upper = Set.copyOf(values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList());
        if (upper.equals(Set.of("SPOT"))) {
            return new NodeLabel("S2", RuleMode.AUTO, SPOT_KEY, List.of("spot"),
                    "spot capacity: AKS spot pools carry this label and the matching NoSchedule taint (catalog S2, S21)", true);
        }
        if (upper.equals(Set.of("ON_DEMAND"))) {
            return NodeLabel.drop("S3", "on-demand capacity is what AKS regular node pools give; no selector needed (catalog S3, S21)");
        }
        return NodeLabel.drop("S3", "both spot and on-demand capacity allowed: no selector needed on AKS (catalog S2, S3)");
    }

    private static NodeLabel mapped(String id, String azureKey, List<String> values, java.util.Map<String, String> map,
                                    String mappingKey, String what, String why) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String target = map.get(value);
            if (target == null) {
                return NodeLabel.human(id, "AWS " + what + " '" + value + "' needs its AKS " + what + ": set "
                        + mappingKey + "." + value + " in eks2aks.yaml (" + why + ")", mappingKey + "." + value);
            }
            out.add(target);
        }
        return new NodeLabel(id, RuleMode.AUTO, azureKey, out, why, false);
    }

    private static NodeLabel instanceType(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            Optional<String> size = VmSizes.azureSize(value);
            if (size.isEmpty()) {
                return NodeLabel.human("S5", "no Azure VM size is known for EC2 type '" + value + "': select on "
                        + "kubernetes.azure.com/agentpool or choose a size (catalog S5, §6.3)");
            }
            if (!out.contains(size.get())) {
                out.add(size.get());
            }
        }
        return new NodeLabel("S5", RuleMode.AUTO_WARN, "node.kubernetes.io/instance-type", out,
                "Azure VM size with the same vCPUs and memory; the size is a cost decision: check it, or select on "
                        + "kubernetes.azure.com/agentpool (catalog S5, §6.3)", false);
    }

    /** S10: Karpenter's AWS instance labels → AKS node auto-provisioning's SKU labels (the maps KP1 uses too). */
    private static NodeLabel karpenter(String key, List<String> values) {
        String name = key.substring("karpenter.k8s.aws/".length());
        if (InstanceRequirement.SAME_MEANING.containsKey(name)) {
            return new NodeLabel("S10", RuleMode.AUTO_WARN, "karpenter.azure.com/" + InstanceRequirement.SAME_MEANING.get(name),
                    values, "the same property on AKS node auto-provisioning (catalog S10, S22)", false);
        }
        if (name.equals("instance-category") || name.equals("instance-family")) {
            List<String> families = new ArrayList<>();
            for (String v : values) {
                String family = v.isEmpty() ? null : InstanceRequirement.CATEGORY_TO_FAMILY.get(v.substring(0, 1));
                if (family == null) {
                    return NodeLabel.human("S10", "no Azure SKU family is known for EC2 " + name + " '" + v + "' (catalog S10)");
                }
                if (!families.contains(family)) {
                    families.add(family);
                }
            }
            return new NodeLabel("S10", RuleMode.AUTO_WARN, "karpenter.azure.com/sku-family", families,
                    "Azure SKU family of the same kind (m→D, c→F, r→E, t→B) (catalog S10, S22)", false);
        }
        return NodeLabel.human("S10", key + " has no AKS node auto-provisioning counterpart: use "
                + "karpenter.azure.com/sku-* requirements (catalog S10, S22)");
    }
}
