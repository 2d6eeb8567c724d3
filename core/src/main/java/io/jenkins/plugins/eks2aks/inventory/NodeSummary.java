package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Node groups as the Node objects show them, for dumps and clusters where the EKS API is not available: nodes
 * grouped by {@code eks.amazonaws.com/nodegroup} (or Karpenter's node pool), with their instance type and
 * capacity type. Counts stand in for the scaling configuration, which only the EKS API knows.
 */
final class NodeSummary {

    private final Map<String, Group> groups = new TreeMap<>();

    private static final class Group {
        final Map<String, String> labels = new TreeMap<>();
        String instanceType;
        String capacityType;
        String arch;
        String os;
        int nodes;
    }

    void add(ClusterObject o) {
        if (!"Node".equals(o.kind())) {
            return;
        }
        JsonNode labels = o.labels();
        String name = labels.path("eks.amazonaws.com/nodegroup").asText(labels.path("karpenter.sh/nodepool").asText("nodes"));
        Group g = groups.computeIfAbsent(name, k -> new Group());
        g.nodes++;
        g.instanceType = labels.path("node.kubernetes.io/instance-type").asText(labels.path("beta.kubernetes.io/instance-type").asText(null));
        g.capacityType = labels.path("eks.amazonaws.com/capacityType").asText(
                labels.path("karpenter.sh/capacity-type").asText("on-demand").equals("spot") ? "SPOT" : "ON_DEMAND");
        g.arch = labels.path("kubernetes.io/arch").asText("amd64");
        g.os = labels.path("kubernetes.io/os").asText("linux");
    }

    List<EksControlPlane.Nodegroup> nodegroups() {
        List<EksControlPlane.Nodegroup> out = new ArrayList<>();
        groups.forEach((name, g) -> out.add(new EksControlPlane.Nodegroup(name,
                g.instanceType == null ? List.of() : List.of(g.instanceType), g.capacityType, g.nodes, g.nodes, g.nodes,
                (g.os.equals("windows") ? "WINDOWS_" : "AL2023_") + (g.arch.equals("arm64") ? "ARM_64" : "x86_64"),
                null, new TreeMap<>(), List.of(), null, null)));
        return out;
    }
}
