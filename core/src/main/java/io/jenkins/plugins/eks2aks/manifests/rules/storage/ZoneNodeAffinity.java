package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PV6: a volume pinned to AWS zones would make every pod that mounts it unschedulable on AKS. The pins are
 * removed and the Azure CSI driver sets the zone of the new volume itself. A term left with nothing but zone
 * pins goes as a whole, since an empty node selector term matches no node.
 */
final class ZoneNodeAffinity {

    static final String ID = "PV6";
    private static final Set<String> ZONE_KEYS = Set.of("topology.ebs.csi.aws.com/zone", "topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/zone", "topology.k8s.aws/zone-id");
    private static final String TERMS = "/spec/nodeAffinity/required/nodeSelectorTerms";
    private static final String REASON = "pins the volume to AWS zone(s) %s; the Azure CSI driver sets the zone of the "
            + "new volume (catalog PV6; S8)";

    private ZoneNodeAffinity() {
    }

    static List<Change> drop(KubeObject volume) {
        Changes c = Changes.of(volume, ID);
        JsonNode terms = volume.at(TERMS);
        List<Change> removals = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        boolean onlyZones = terms.size() > 0;
        for (int t = 0; t < terms.size(); t++) {
            JsonNode expressions = terms.get(t).path("matchExpressions");
            int pins = 0;
            for (int e = 0; e < expressions.size(); e++) {
                if (ZONE_KEYS.contains(expressions.get(e).path("key").asText())) {
                    pins++;
                    expressions.get(e).path("values").forEach(v -> zones.add(v.asText()));
                }
            }
            boolean termIsOnlyZones = pins > 0 && pins == expressions.size() && !terms.get(t).has("matchFields");
            onlyZones &= termIsOnlyZones;
            if (termIsOnlyZones) {
                removals.add(c.remove(TERMS + "/" + t, RuleMode.AUTO, String.format(REASON, zones)));
            } else {
                for (int e = 0; e < expressions.size(); e++) {
                    if (ZONE_KEYS.contains(expressions.get(e).path("key").asText())) {
                        removals.add(c.remove(TERMS + "/" + t + "/matchExpressions/" + e, RuleMode.AUTO, String.format(REASON, zones)));
                    }
                }
            }
        }
        if (onlyZones) {
            return List.of(c.remove("/spec/nodeAffinity", RuleMode.AUTO, String.format(REASON, zones)));
        }
        return removals;
    }
}
