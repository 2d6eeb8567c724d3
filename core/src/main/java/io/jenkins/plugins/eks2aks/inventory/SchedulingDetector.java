package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.Iterator;
import java.util.Set;

/**
 * EKS node labels in pod scheduling (catalog §6.1: nodeSelector, node affinity, tolerations), AWS-only extended
 * resources (X3), and Karpenter's AWS resources (§6.2).
 */
final class SchedulingDetector implements Detector {

    private static final Set<String> AWS_RESOURCES = Set.of("vpc.amazonaws.com/pod-eni", "vpc.amazonaws.com/PrivateIPv4Address",
            "vpc.amazonaws.com/efa", "aws.amazon.com/neuron", "aws.amazon.com/neuroncore", "aws.amazon.com/neurondevice");

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        String group = o.ref().apiVersion().contains("/") ? o.ref().apiVersion().substring(0, o.ref().apiVersion().indexOf('/')) : "";
        if (group.equals("karpenter.k8s.aws")) {
            findings.add("KP2", Severity.HIGH, o.ref(), "spec", o.kind() + " (AMIs, subnets, security groups, user data)",
                    "AKSNodeClass (karpenter.azure.com): image family, subnet, OS disk; no custom images or user data", RuleMode.HUMAN);
        } else if (group.equals("karpenter.sh") && "NodePool".equals(o.kind())) {
            findings.add("KP1", Severity.MEDIUM, o.ref(), "spec.template.spec.nodeClassRef", "Karpenter NodePool",
                    "the same NodePool on AKS node auto-provisioning (NAP), nodeClassRef → AKSNodeClass", RuleMode.AUTO);
        } else if (group.equals("karpenter.sh")) {
            findings.add("KP3", Severity.HIGH, o.ref(), "apiVersion", o.ref().apiVersion() + " " + o.kind(),
                    "upgrade to karpenter.sh/v1 first, then NAP", RuleMode.HUMAN);
        }
        if (!o.isOwnedByController()) {
            // An owned pod or job repeats its owner's template: one finding, on the owner, is enough.
            PodSpecs.podSpecPointer(o.asKubeObject()).ifPresent(spec -> podSpec(o, spec, findings));
        }
    }

    private static void podSpec(ClusterObject o, String spec, Findings findings) {
        String at = IdentityDetector.pointer(spec);
        JsonNode selector = o.at(spec + "/nodeSelector");
        for (Iterator<String> it = selector.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            label(o, at + ".nodeSelector[" + key + "]", key, selector.path(key).asText(), findings);
        }
        JsonNode affinity = o.at(spec + "/affinity/nodeAffinity");
        for (JsonNode term : affinity.path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms")) {
            expressions(o, at + ".affinity.nodeAffinity.required", term, findings);
        }
        for (JsonNode preferred : affinity.path("preferredDuringSchedulingIgnoredDuringExecution")) {
            expressions(o, at + ".affinity.nodeAffinity.preferred", preferred.path("preference"), findings);
        }
        for (JsonNode toleration : o.at(spec + "/tolerations")) {
            String key = toleration.path("key").asText("");
            if (key.startsWith("eks.amazonaws.com/") || key.startsWith("karpenter.k8s.aws/")) {
                findings.add("S13", Severity.MEDIUM, o.ref(), at + ".tolerations[" + key + "]", key + "=" + toleration.path("value").asText(""),
                        "a taint of the matching AKS node pool (spot pools: kubernetes.azure.com/scalesetpriority=spot:NoSchedule)",
                        RuleMode.HUMAN);
            }
        }
        for (PodSpecs.ContainerAt c : PodSpecs.containers(o.asKubeObject())) {
            for (String kind : new String[] {"requests", "limits"}) {
                for (Iterator<String> it = c.container().path("resources").path(kind).fieldNames(); it.hasNext(); ) {
                    String resource = it.next();
                    if (AWS_RESOURCES.contains(resource)) {
                        findings.add("X3", Severity.HIGH, o.ref(), IdentityDetector.pointer(c.pointer()) + ".resources." + kind + "[" + resource + "]",
                                resource, "removed: no AKS node offers it, the pod would stay Pending", RuleMode.DROP);
                    }
                }
            }
        }
    }

    private static void expressions(ClusterObject o, String at, JsonNode term, Findings findings) {
        for (JsonNode e : term.path("matchExpressions")) {
            String key = e.path("key").asText();
            String operator = e.path("operator").asText("In");
            if ((operator.equals("NotIn") || operator.equals("DoesNotExist")) && key.startsWith("eks.amazonaws.com/")) {
                // Keeping pods off Fargate or hybrid nodes: no such nodes on AKS, the rule has nothing left to do.
                findings.add("S11", Severity.LOW, o.ref(), at + "[" + key + "]", key + " " + operator + " " + e.path("values"),
                        "removed: AKS has no such nodes", RuleMode.DROP);
                continue;
            }
            label(o, at + "[" + key + "]", key, e.path("values").toString(), findings);
        }
    }

    private static void label(ClusterObject o, String field, String key, String value, Findings findings) {
        switch (key) {
            case "eks.amazonaws.com/nodegroup" -> findings.add("S1", Severity.MEDIUM, o.ref(), field, key + "=" + value,
                    "kubernetes.azure.com/agentpool=<pool> (pool names change: lowercase, up to 12 characters)", RuleMode.HUMAN);
            case "eks.amazonaws.com/capacityType" -> findings.add(value.contains("SPOT") ? "S2" : "S3", Severity.MEDIUM, o.ref(), field,
                    key + "=" + value, value.contains("SPOT")
                            ? "kubernetes.azure.com/scalesetpriority: spot plus the spot toleration"
                            : "kubernetes.azure.com/priority: regular, or no selector", RuleMode.AUTO);
            case "eks.amazonaws.com/compute-type" -> findings.add("S4", Severity.HIGH, o.ref(), field, key + "=" + value,
                    "a normal node pool, or AKS virtual nodes (no Workload ID there)", RuleMode.HUMAN);
            case "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type" -> findings.add("S5", Severity.MEDIUM, o.ref(), field,
                    key + "=" + value, "the Azure VM size of the node-pool plan (or select on kubernetes.azure.com/agentpool)", RuleMode.AUTO_WARN);
            case "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone" -> findings.add("S6", Severity.MEDIUM, o.ref(), field,
                    key + "=" + value, "topology.kubernetes.io/zone=<azure-region>-<n>: map AWS zones to Azure zone numbers", RuleMode.HUMAN);
            case "topology.kubernetes.io/region" -> findings.add("S7", Severity.MEDIUM, o.ref(), field, key + "=" + value,
                    "the Azure region name", RuleMode.HUMAN);
            case "topology.ebs.csi.aws.com/zone", "topology.k8s.aws/zone-id", "vpc.amazonaws.com/has-trunk-attached", "k8s.io/cloud-provider-aws" ->
                    findings.add("S11", Severity.LOW, o.ref(), field, key + "=" + value, "removed", RuleMode.DROP);
            default -> {
                if (key.startsWith("karpenter.k8s.aws/") || key.startsWith("eks.amazonaws.com/instance-")) {
                    findings.add("S10", Severity.MEDIUM, o.ref(), field, key + "=" + value,
                            "karpenter.azure.com/sku-* labels (sku-family, sku-cpu, sku-memory…)", RuleMode.AUTO_WARN);
                }
            }
        }
    }
}
