package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SC10: {@code allowedTopologies} that pin a class to AWS zones ({@code us-east-1a}) move to AKS zones
 * ({@code eastus-1}) under {@code topology.kubernetes.io/zone}. AWS zone letters are per-account aliases, so the
 * zone map is a decision ({@code zones} in the mapping file).
 */
final class ZoneTopologies {

    static final String ID = "SC10";
    static final String ZONE_KEY = "topology.kubernetes.io/zone";
    static final Set<String> AWS_ZONE_KEYS = Set.of("topology.ebs.csi.aws.com/zone", ZONE_KEY,
            "failure-domain.beta.kubernetes.io/zone");

    private ZoneTopologies() {
    }

    static List<Change> convert(KubeObject storageClass, MigrationMapping mapping) {
        List<Change> out = new ArrayList<>();
        Changes changes = Changes.of(storageClass, ID);
        JsonNode terms = storageClass.at("/allowedTopologies");
        for (int t = 0; t < terms.size(); t++) {
            JsonNode expressions = terms.get(t).path("matchLabelExpressions");
            for (int e = 0; e < expressions.size(); e++) {
                JsonNode expression = expressions.get(e);
                if (!AWS_ZONE_KEYS.contains(expression.path("key").asText())) {
                    continue;
                }
                String pointer = "/allowedTopologies/" + t + "/matchLabelExpressions/" + e;
                ArrayNode zones = JsonNodeFactory.instance.arrayNode();
                List<String> unmapped = new ArrayList<>();
                for (JsonNode value : expression.path("values")) {
                    String azure = mapping.zones().get(value.asText());
                    if (azure == null) {
                        unmapped.add(value.asText());
                    } else {
                        zones.add(azure);
                    }
                }
                if (unmapped.isEmpty()) {
                    ObjectNode converted = JsonNodeFactory.instance.objectNode();
                    converted.put("key", ZONE_KEY);
                    converted.set("values", zones);
                    out.add(changes.replace(pointer, converted, RuleMode.AUTO, "AWS zones become the AKS zones the "
                            + "mapping file names (catalog SC10; S21)"));
                } else {
                    out.add(changes.decision(pointer, "class pinned to AWS zones " + unmapped + ": set zones."
                            + unmapped.get(0) + " (and the others) to AKS zones such as <region>-1, or remove "
                            + "allowedTopologies from the class and rely on volumeBindingMode WaitForFirstConsumer "
                            + "(catalog SC10; S21)").withMappingKeys("zones." + unmapped.get(0)));
                }
            }
        }
        return out;
    }
}
