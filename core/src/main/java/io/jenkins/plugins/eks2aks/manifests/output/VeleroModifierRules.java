package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.Pointers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resource-modifier rules ({@code version: v1}, one rule per object with JSON patches) carrying every applied
 * change the other two ConfigMaps do not carry and Velero does not make itself ({@link VeleroResets}).
 *
 * @param rules                 in input order
 * @param leftToVelero          objects with removals Velero makes itself, one line each
 * @param notCarried            changes no ConfigMap carries, one line each
 * @param internalLoadBalancers how many patches keep a load balancer internal
 */
record VeleroModifierRules(List<Rule> rules, List<String> leftToVelero, List<String> notCarried, int internalLoadBalancers) {

    static final String INTERNAL_LB = "service.beta.kubernetes.io/azure-load-balancer-internal";

    /** One rule: which object, and its patches. */
    record Rule(String groupResource, String nameRegex, String namespace, List<Patch> patches) {
    }

    /** A JSON patch as Velero reads it; {@code value} as {@link VeleroConfigMaps#patchValue}, null for a removal. */
    record Patch(String operation, String path, String value) {
    }

    /** @param carried changes the other ConfigMaps carry, by object (original tree, by identity) */
    static VeleroModifierRules of(List<ObjectResult> objects, Map<JsonNode, Set<Change>> carried) {
        List<Rule> rules = new ArrayList<>();
        List<String> leftToVelero = new ArrayList<>();
        List<String> notCarried = new ArrayList<>();
        int internalLoadBalancers = 0;
        for (ObjectResult object : objects) {
            if (object.excluded() || object.applied().isEmpty()) {
                continue;
            }
            ObjectRef ref = object.ref();
            Set<Change> byOthers = carried.getOrDefault(object.original(), Set.of());
            Set<String> apiRules = new TreeSet<>();
            for (Change c : object.applied()) {
                if (c.path().equals("/apiVersion") || c.path().equals("/kind")) {
                    apiRules.add(c.ruleId());
                }
            }
            List<Change> remaining = new ArrayList<>();
            int velero = 0;
            int api = 0;
            for (Change c : object.applied()) {
                if (byOthers.contains(c)) {
                    continue;
                }
                if (apiRules.contains(c.ruleId())) {
                    api++;
                } else if (VeleroResets.veleroDoesItself(ref.kind(), c)) {
                    velero++;
                } else {
                    remaining.add(c);
                }
            }
            if (velero > 0) {
                leftToVelero.add(ref + ": " + velero + " removal" + (velero == 1 ? "" : "s"));
            }
            if (api > 0) {
                notCarried.add(ref + " (" + object.location() + "): the " + api + " change" + (api == 1 ? "" : "s")
                        + " of rule" + (apiRules.size() == 1 ? " " : "s ") + String.join(", ", apiRules)
                        + " convert it to " + object.convertedApiVersion() + " and are not restore-time patches: a backup "
                        + "holds the object at the version the EKS API server served; check it after the restore");
            }
            if (remaining.isEmpty()) {
                continue;
            }
            if (ref.name() == null) {
                notCarried.add(ref + " (" + object.location() + ") has no name, so no modifier can select it: "
                        + remaining.size() + " change" + (remaining.size() == 1 ? "" : "s") + " not carried");
                continue;
            }
            List<Patch> patches = new ArrayList<>();
            for (PatchOps.Op op : PatchOps.of(remaining)) {
                if (op.path().contains("\"") || op.path().contains("\\")) {
                    notCarried.add(ref + ": " + op.path() + " cannot be written in a Velero JSON patch (quote or backslash)");
                    continue;
                }
                if (op.path().endsWith("/" + Pointers.escape(INTERNAL_LB)) && op.value() != null) {
                    internalLoadBalancers++;
                }
                patches.add(new Patch(op.operation(), op.path(),
                        op.value() == null ? null : VeleroConfigMaps.patchValue(op.value())));
            }
            if (!patches.isEmpty()) {
                rules.add(new Rule(KindResources.groupResource(object.convertedApiVersion(), object.convertedKind()),
                        "^" + regexLiteral(ref.name()) + "$", ref.namespace(), List.copyOf(patches)));
            }
        }
        return new VeleroModifierRules(List.copyOf(rules), List.copyOf(leftToVelero), List.copyOf(notCarried),
                internalLoadBalancers);
    }

    /** {@code name} as a Go regular expression matching exactly it. */
    private static String regexLiteral(String name) {
        StringBuilder out = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
