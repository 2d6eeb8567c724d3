package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Karpenter's {@code minValues} asks for at least that many distinct values of a label among the instance types it
 * may launch. Several EC2 families become one Azure VM family (c, m, r → F, D, E), so a {@code minValues} that
 * held on EKS can exceed what the converted NodePool allows, and NAP would then launch nothing. Such a
 * {@code minValues} is lowered to what the NodePool's own {@code In} requirements on that label allow, with a warning.
 */
final class MinValues {

    private MinValues() {
    }

    /** The outcome, with {@code minValues} lowered when the converted requirements cannot satisfy it. */
    static InstanceRequirement.Outcome satisfiable(InstanceRequirement.Outcome outcome, JsonNode original, List<JsonNode> converted) {
        JsonNode requirement = switch (outcome.kind()) {
            case REWRITE -> outcome.requirement();
            case KEEP -> original;
            default -> null;
        };
        if (requirement == null || !requirement.has("minValues")) {
            return outcome;
        }
        int wanted = requirement.path("minValues").asInt();
        int available = available(requirement, converted);
        if (available < 1 || wanted <= available) {
            return outcome;
        }
        ObjectNode lowered = requirement.deepCopy();
        lowered.put("minValues", available);
        String key = requirement.path("key").asText();
        return new InstanceRequirement.Outcome(InstanceRequirement.Kind.REWRITE, lowered, false,
                (outcome.kind() == InstanceRequirement.Kind.REWRITE ? outcome.reason() + "; " : "")
                        + "minValues " + wanted + " on " + key + " lowered to " + available + ": the NodePool's requirements "
                        + "allow only " + available + " value(s) of " + key + " on Azure, and NAP launches nothing when "
                        + "minValues cannot be met (catalog KP1; S22)");
    }

    /** How many values of the requirement's key the converted requirements allow: the smallest {@code In} list. */
    private static int available(JsonNode requirement, List<JsonNode> converted) {
        String key = requirement.path("key").asText();
        int smallest = -1;
        for (JsonNode r : converted) {
            if (key.equals(r.path("key").asText()) && "In".equals(r.path("operator").asText())) {
                Set<String> values = new LinkedHashSet<>();
                r.path("values").forEach(v -> values.add(v.asText()));
                smallest = smallest < 0 ? values.size() : Math.min(smallest, values.size());
            }
        }
        if ("In".equals(requirement.path("operator").asText())) {
            Set<String> own = new LinkedHashSet<>();
            requirement.path("values").forEach(v -> own.add(v.asText()));
            smallest = smallest < 0 ? own.size() : Math.min(smallest, own.size());
        }
        return smallest;
    }
}
