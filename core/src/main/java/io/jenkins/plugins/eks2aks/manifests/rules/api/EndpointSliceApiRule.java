package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * API6: EndpointSlice {@code discovery.k8s.io/v1beta1} → {@code v1}. The per-endpoint {@code topology} map is
 * gone (v1 keeps it only as the read-only {@code deprecatedTopology}): its host becomes {@code nodeName} and its
 * zone {@code zone}, an AKS zone from the mapping file's {@code zones}.
 */
public final class EndpointSliceApiRule extends RemovedApiRule {

    public static final String ID = "API6";
    private static final String HOST = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";

    public EndpointSliceApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "EndpointSlice".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject slice, ApiRemovals.Removal removal) {
        Changes c = changes(slice);
        List<Change> out = new ArrayList<>();
        out.add(apiVersion(slice, removal, "discovery.k8s.io/v1", RuleMode.AUTO, "topology becomes nodeName and zone"));
        JsonNode endpoints = slice.at("/endpoints");
        for (int i = 0; i < endpoints.size(); i++) {
            String pointer = "/endpoints/" + i;
            JsonNode topology = endpoints.get(i).path("topology");
            if (!topology.isObject()) {
                continue;
            }
            out.add(c.remove(pointer + "/topology", RuleMode.AUTO, "v1 has no writable topology; its keys move to "
                    + "nodeName and zone, others are dropped" + source()));
            if (topology.has(HOST) && !endpoints.get(i).has("nodeName")) {
                out.add(c.put(pointer, "nodeName", topology.path(HOST).asText(), RuleMode.AUTO_WARN, "the endpoint's "
                        + "host; an EKS node name, which AKS nodes will not have" + source()));
            }
            if (topology.has(ZONE) && !endpoints.get(i).has("zone")) {
                String awsZone = topology.path(ZONE).asText();
                String aksZone = context.mapping().zones().get(awsZone);
                out.add(aksZone == null
                        ? c.decision(pointer + "/topology", "endpoint in AWS zone " + awsZone + ": set zones." + awsZone
                                + " to its AKS zone (e.g. <region>-1) for the v1 zone field" + source()).withMappingKeys("zones." + awsZone)
                        : c.put(pointer, "zone", aksZone, RuleMode.AUTO, "AWS zone " + awsZone + " is AKS zone " + aksZone
                                + " (zones)" + source()));
            }
        }
        return out;
    }
}
