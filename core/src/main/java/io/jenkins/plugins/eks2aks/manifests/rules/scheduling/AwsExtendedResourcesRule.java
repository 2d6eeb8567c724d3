package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * X3: extended resources only EKS nodes advertise. A pod that requests one stays Pending on AKS, where no node
 * offers it: the VPC CNI's branch ENIs and IP addresses are dropped (AKS networking needs no request), EFA is
 * dropped with a warning (RDMA on Azure is InfiniBand on HB/ND VMs), and AWS Neuron devices are a decision, since
 * no Azure VM has Inferentia or Trainium.
 */
public final class AwsExtendedResourcesRule implements ConversionRule {

    public static final String ID = "X3";
    private static final Map<String, String> DROPPED = Map.of(
            "vpc.amazonaws.com/pod-eni", "a branch network interface for security groups for pods; on AKS pod traffic "
                    + "is filtered with NetworkPolicy, and no node offers this resource",
            "vpc.amazonaws.com/PrivateIPv4Address", "a secondary IP address of the VPC CNI (Windows nodes); Azure CNI "
                    + "gives pods their addresses without a request, and no node offers this resource");
    private static final String EFA = "vpc.amazonaws.com/efa";
    private static final String NEURON = "aws.amazon.com/neuron";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.podSpecPointer(object).isPresent();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        List<Change> out = new ArrayList<>();
        Changes c = Changes.of(object, ID);
        for (PodSpecs.ContainerAt container : PodSpecs.containers(object)) {
            for (String kind : List.of("requests", "limits")) {
                String map = container.pointer() + "/resources/" + kind;
                JsonNode resources = container.container().path("resources").path(kind);
                int removed = 0;
                List<Change> here = new ArrayList<>();
                for (Iterator<String> it = resources.fieldNames(); it.hasNext(); ) {
                    String resource = it.next();
                    String where = "container " + container.name() + " " + kind + " " + resource;
                    if (DROPPED.containsKey(resource)) {
                        here.add(c.removeKey(map, resource, RuleMode.DROP, where + ": " + DROPPED.get(resource) + " (catalog X3)"));
                        removed++;
                    } else if (resource.equals(EFA)) {
                        here.add(c.removeKey(map, resource, RuleMode.AUTO_WARN, where + ": Elastic Fabric Adapter has no "
                                + "AKS resource; RDMA on Azure is InfiniBand on HB/ND VM sizes (with the NVIDIA Network "
                                + "Operator). The pod runs without it (catalog X3)"));
                        removed++;
                    } else if (resource.startsWith(NEURON)) {
                        here.add(c.decision(Pointers.child(map, resource), where + ": AWS Neuron (Inferentia, Trainium) "
                                + "has no Azure equivalent and the pod would stay Pending: re-target the workload, for "
                                + "example at NVIDIA GPUs (nvidia.com/gpu on NC/ND node pools) (catalog X3)"));
                    }
                }
                if (removed > 0 && removed == resources.size()) {
                    // Every entry goes: remove the map itself so no empty "limits: {}" is left behind.
                    Change first = here.get(0);
                    out.add(c.remove(map, first.mode(), here.stream().map(Change::reason).reduce((a, b) -> a + "; " + b).orElseThrow()));
                } else {
                    out.addAll(here);
                }
            }
        }
        return out;
    }
}
