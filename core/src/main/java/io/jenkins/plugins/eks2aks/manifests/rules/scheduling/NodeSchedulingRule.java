package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * S1–S11: where pods are scheduled. EKS node labels in nodeSelector, node affinity and tolerations become the
 * AKS labels for the same intent (spot capacity, node pool, VM size, zone), and AWS-only topology keys become
 * the portable {@code topology.kubernetes.io/zone}. Pods sent to spot nodes get the toleration AKS spot pools'
 * taint requires. Values that need a decision (zones, node pools) name the mapping-file key.
 */
public final class NodeSchedulingRule implements ConversionRule {

    public static final String ID = "S2";
    private static final String NODE_AFFINITY = "/affinity/nodeAffinity";

    private final NodeLabels labels;

    public NodeSchedulingRule(MigrationMapping mapping) {
        this.labels = new NodeLabels(mapping);
    }

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
        String spec = PodSpecs.podSpecPointer(object).orElseThrow();
        List<Change> out = new ArrayList<>();
        boolean spot = nodeSelector(object, spec + "/nodeSelector", out);
        spot |= nodeAffinity(object, spec, out);
        tolerations(object, spec, spot, out);
        topologyKeys(object, spec, out);
        return out;
    }

    /**
     * The node-label conversion for a label map or a node selector term that is not in a pod spec: a custom
     * resource's or a chart's node selector for the pods an operator or chart creates. Spot selection is converted
     * as in a pod spec, but the AKS spot toleration cannot be added there: that is a decision.
     */
    public List<Change> selectorMap(KubeObject object, String selector, String where) {
        List<Change> out = new ArrayList<>();
        if (nodeSelector(object, selector, out)) {
            out.add(Changes.of(object, "S2").decision(selector, where + "pods selected for spot nodes must tolerate the AKS spot "
                    + "taint kubernetes.azure.com/scalesetpriority=spot:NoSchedule: add that toleration where this object sets "
                    + "its pods' tolerations (catalog S2, S21)"));
        }
        return prefixed(out, where);
    }

    /** As {@link #selectorMap}, for a node selector term ({@code matchExpressions}) outside a pod spec. */
    public List<Change> selectorTerm(KubeObject object, String term, String where) {
        List<Change> out = new ArrayList<>();
        if (expressions(object, term, out)) {
            out.add(Changes.of(object, "S2").decision(term, where + "pods selected for spot nodes must tolerate the AKS spot "
                    + "taint kubernetes.azure.com/scalesetpriority=spot:NoSchedule: add that toleration where this object sets "
                    + "its pods' tolerations (catalog S2, S21)"));
        }
        return prefixed(out, where);
    }

    /** Whether a node-selector key is an EKS label, or a portable one whose values are AWS names. */
    public static boolean concerns(String key) {
        return NodeLabels.concerns(key);
    }

    private static List<Change> prefixed(List<Change> changes, String where) {
        return changes.stream().map(c -> c.reason().startsWith(where) ? c
                : c.withReason(where + c.reason())).toList();
    }

    private boolean nodeSelector(KubeObject object, String selector, List<Change> out) {
        boolean spot = false;
        JsonNode map = object.at(selector);
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Optional<NodeLabel> label = labels.translate(key, List.of(map.path(key).asText()));
            if (label.isEmpty()) {
                continue;
            }
            NodeLabel l = label.get();
            Changes c = Changes.of(object, l.ruleId());
            if (l.mode() == RuleMode.HUMAN) {
                out.add(c.decision(Pointers.child(selector, key), l.reason()).withMappingKeys(l.mappingKeys()));
                continue;
            }
            if (l.key() != null && !l.key().equals(key)) {
                out.add(c.put(selector, l.key(), l.values().get(0), l.mode(), l.reason()));
            }
            if (l.key() == null || !l.key().equals(key)) {
                out.add(c.removeKey(selector, key, l.mode(), l.dropped() ? l.reason() : "replaced by " + l.key() + " (catalog " + l.ruleId() + ")"));
            } else if (!l.values().get(0).equals(map.path(key).asText())) {
                out.add(c.replace(Pointers.child(selector, key), l.values().get(0), l.mode(), l.reason()));
            }
            spot |= l.spot();
        }
        return spot;
    }

    /** Required and preferred node affinity terms: each matchExpression is translated on its own. */
    private boolean nodeAffinity(KubeObject object, String spec, List<Change> out) {
        boolean spot = false;
        String required = spec + NODE_AFFINITY + "/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms";
        JsonNode terms = object.at(required);
        for (int t = 0; t < terms.size(); t++) {
            spot |= expressions(object, required + "/" + t, out);
        }
        String preferred = spec + NODE_AFFINITY + "/preferredDuringSchedulingIgnoredDuringExecution";
        JsonNode prefs = object.at(preferred);
        for (int p = 0; p < prefs.size(); p++) {
            spot |= expressions(object, preferred + "/" + p + "/preference", out);
        }
        return spot;
    }

    private boolean expressions(KubeObject object, String term, List<Change> out) {
        boolean spot = false;
        String list = term + "/matchExpressions";
        JsonNode expressions = object.at(list);
        int dropped = 0;
        List<Change> removals = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            JsonNode e = expressions.get(i);
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            String operator = e.path("operator").asText();
            if (!operator.equals("In") && !operator.equals("NotIn") && !operator.equals("Exists") && !operator.equals("DoesNotExist")) {
                continue;
            }
            Optional<NodeLabel> label = labels.translate(e.path("key").asText(), values);
            if (label.isEmpty()) {
                continue;
            }
            NodeLabel l = label.get();
            Changes c = Changes.of(object, l.ruleId());
            String at = list + "/" + i;
            if (l.mode() == RuleMode.HUMAN) {
                out.add(c.decision(at, l.reason()).withMappingKeys(l.mappingKeys()));
            } else if (l.dropped()) {
                dropped++;
                removals.add(c.remove(at, l.mode(), l.reason()));
            } else {
                ObjectNode replacement = e.deepCopy();
                replacement.set("key", TextNode.valueOf(l.key()));
                if (e.has("values")) {
                    ArrayNode v = JsonNodeFactory.instance.arrayNode();
                    l.values().forEach(v::add);
                    replacement.set("values", v);
                }
                out.add(c.replace(at, replacement, l.mode(), l.reason()));
                spot |= l.spot() && operator.equals("In");
            }
        }
        if (dropped > 0 && dropped == expressions.size() && object.at(term + "/matchFields").size() == 0) {
            // An empty term would match no node at all: drop the whole term instead.
            Change first = removals.get(0);
            out.add(Changes.of(object, first.ruleId()).remove(term.endsWith("/preference") ? term.substring(0, term.length() - "/preference".length()) : term,
                    first.mode(), first.reason() + "; the term had no other requirement"));
        } else {
            out.addAll(removals);
        }
        return spot;
    }

    /** Tolerations of EKS taints become the AKS spot taint's; spot pods without one get it added. */
    private static void tolerations(KubeObject object, String spec, boolean spot, List<Change> out) {
        String list = spec + "/tolerations";
        JsonNode tolerations = object.at(list);
        boolean hasAksSpot = false;
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            String key = t.path("key").asText();
            hasAksSpot |= key.equals(NodeLabels.SPOT_KEY);
            if (key.equals("eks.amazonaws.com/capacityType")) {
                out.add(Changes.of(object, "S2").replace(list + "/" + i, spotToleration(), RuleMode.AUTO,
                        "AKS spot pools are tainted kubernetes.azure.com/scalesetpriority=spot:NoSchedule (catalog S2, S21)"));
                hasAksSpot = true;
            } else if (key.startsWith("eks.amazonaws.com/") || key.startsWith("karpenter.k8s.aws/")) {
                out.add(Changes.of(object, "S13").decision(list + "/" + i, "toleration of the EKS taint " + key
                        + ": give the AKS node pool a matching taint (--node-taints) or drop the toleration (catalog S13)"));
            }
        }
        if (spot && !hasAksSpot) {
            out.add(Changes.of(object, "S2").append(list, spotToleration(), RuleMode.AUTO,
                    "pods selected for spot nodes must tolerate the AKS spot taint kubernetes.azure.com/scalesetpriority=spot:NoSchedule (catalog S2, S21)"));
        }
    }

    private static ObjectNode spotToleration() {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("key", NodeLabels.SPOT_KEY);
        t.put("operator", "Equal");
        t.put("value", "spot");
        t.put("effect", "NoSchedule");
        return t;
    }

    /** S11, S6: AWS-only topology keys in spread constraints and pod (anti-)affinity become the portable zone key. */
    private static void topologyKeys(KubeObject object, String spec, List<Change> out) {
        List<String> pointers = new ArrayList<>();
        JsonNode spread = object.at(spec + "/topologySpreadConstraints");
        for (int i = 0; i < spread.size(); i++) {
            pointers.add(spec + "/topologySpreadConstraints/" + i + "/topologyKey");
        }
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            String base = spec + "/affinity/" + kind;
            JsonNode required = object.at(base + "/requiredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < required.size(); i++) {
                pointers.add(base + "/requiredDuringSchedulingIgnoredDuringExecution/" + i + "/topologyKey");
            }
            JsonNode preferred = object.at(base + "/preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                pointers.add(base + "/preferredDuringSchedulingIgnoredDuringExecution/" + i + "/podAffinityTerm/topologyKey");
            }
        }
        for (String pointer : pointers) {
            String key = object.at(pointer).asText("");
            if (key.equals("topology.ebs.csi.aws.com/zone") || key.equals("topology.k8s.aws/zone-id")
                    || key.equals("failure-domain.beta.kubernetes.io/zone")) {
                out.add(Changes.of(object, "S11").replace(pointer, "topology.kubernetes.io/zone", RuleMode.AUTO,
                        key + " exists only on EKS (or is deprecated); spreading by zone uses topology.kubernetes.io/zone on AKS (catalog S6, S11)"));
            }
        }
    }
}
