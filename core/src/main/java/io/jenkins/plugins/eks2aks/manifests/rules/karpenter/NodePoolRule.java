package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * KP1: a {@code karpenter.sh/v1} NodePool is the same API on AKS node auto-provisioning. Its node class becomes
 * the AKSNodeClass of the same name, and requirements on EC2 properties become requirements on Azure VM
 * properties ({@link InstanceRequirement}). Disruption, expiry, limits, weight, taints and capacity type
 * ({@code karpenter.sh/capacity-type}, S8) are kept as they are.
 */
public final class NodePoolRule implements ConversionRule {

    public static final String ID = "KP1";
    private static final String TEMPLATE = "/spec/template/spec";

    /** The AKSNodeClass node auto-provisioning creates itself, as EKS Auto Mode has its own {@code default} NodeClass. */
    static final String BUILT_IN_NODE_CLASS = "default";

    private final MigrationMapping mapping;
    private final io.jenkins.plugins.eks2aks.manifests.InputIndex index;

    public NodePoolRule(RuleContext context) {
        this.mapping = context.mapping();
        this.index = context.index();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "NodePool".equals(object.kind()) && "karpenter.sh/v1".equals(object.ref().apiVersion());
    }

    @Override
    public List<Change> apply(KubeObject nodePool) {
        Changes c = Changes.of(nodePool, ID);
        List<Change> out = new ArrayList<>();
        int windows = windowsRequirement(nodePool);
        if (windows >= 0) {
            // NAP provisions Linux nodes only: an AzureLinux or Ubuntu node would never run these pods.
            return List.of(c.decision(TEMPLATE + "/requirements/" + windows, "NodePool for Windows nodes: AKS node "
                    + "auto-provisioning has no Windows nodes (S22): run these workloads on a Windows node pool "
                    + "(az aks nodepool add --os-type Windows) and leave this NodePool out (catalog KP1, KP4)"));
        }
        JsonNode ref = nodePool.at(TEMPLATE + "/nodeClassRef");
        String refName = ref.path("name").asText();
        if (ref.isObject() && !"karpenter.azure.com".equals(ref.path("group").asText()) && !refName.equals(BUILT_IN_NODE_CLASS)
                && !index.hasNodeClass(refName)) {
            // Its AKSNodeClass would never be written: NAP would not provision nodes for this NodePool.
            out.add(c.decision(TEMPLATE + "/nodeClassRef", ref.path("kind").asText("EC2NodeClass") + " " + refName
                    + " is not in the input, so no AKSNodeClass " + refName + " is written: convert it together with this "
                    + "NodePool, create the AKSNodeClass on AKS yourself, or point nodeClassRef at NAP's built-in "
                    + BUILT_IN_NODE_CLASS + " (catalog KP1, KP2; S22)"));
        } else if (ref.isObject() && !"karpenter.azure.com".equals(ref.path("group").asText())) {
            ObjectNode aks = JsonNodeFactory.instance.objectNode()
                    .put("group", "karpenter.azure.com").put("kind", "AKSNodeClass").put("name", ref.path("name").asText());
            out.add(c.replace(TEMPLATE + "/nodeClassRef", aks, RuleMode.AUTO, "NAP provisions nodes from AKSNodeClasses; "
                    + ref.path("kind").asText("EC2NodeClass") + " " + ref.path("name").asText() + " becomes the "
                    + "AKSNodeClass of the same name (catalog KP1, KP2; S22)"));
        }
        JsonNode requirements = nodePool.at(TEMPLATE + "/requirements");
        List<JsonNode> converted = new ArrayList<>();
        List<InstanceRequirement.Outcome> outcomes = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            InstanceRequirement.Outcome outcome = InstanceRequirement.convert(requirement, mapping);
            outcomes.add(outcome);
            if (outcome.kind() == InstanceRequirement.Kind.KEEP || outcome.kind() == InstanceRequirement.Kind.REWRITE) {
                converted.add(outcome.kind() == InstanceRequirement.Kind.KEEP ? requirement : outcome.requirement());
            }
        }
        for (int i = 0; i < requirements.size(); i++) {
            String pointer = TEMPLATE + "/requirements/" + i;
            InstanceRequirement.Outcome outcome = MinValues.satisfiable(outcomes.get(i), requirements.get(i), converted);
            switch (outcome.kind()) {
                case REWRITE -> out.add(c.replace(pointer, outcome.requirement(),
                        outcome.exact() ? RuleMode.AUTO : RuleMode.AUTO_WARN, outcome.reason()));
                case DROP -> out.add(c.remove(pointer, outcome.exact() ? RuleMode.DROP : RuleMode.AUTO_WARN, outcome.reason()));
                case DECIDE -> out.add(c.decision(pointer, outcome.reason()).withMappingKeys(outcome.mappingKeys()));
                case KEEP -> { }
            }
        }
        return out;
    }

    /** Index of a requirement that asks for Windows nodes ({@code kubernetes.io/os In [windows]}), or -1. */
    static int windowsRequirement(KubeObject nodePool) {
        JsonNode requirements = nodePool.at(TEMPLATE + "/requirements");
        for (int i = 0; i < requirements.size(); i++) {
            JsonNode r = requirements.get(i);
            if ("kubernetes.io/os".equals(r.path("key").asText()) && "In".equals(r.path("operator").asText())
                    && r.path("values").toString().toLowerCase(java.util.Locale.ROOT).contains("\"windows\"")) {
                return i;
            }
        }
        return -1;
    }
}
