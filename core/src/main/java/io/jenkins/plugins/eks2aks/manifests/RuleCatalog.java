package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;
import io.jenkins.plugins.eks2aks.manifests.rules.identity.IrsaServiceAccountRule;
import io.jenkins.plugins.eks2aks.manifests.rules.identity.WorkloadIdentityPodRule;
import io.jenkins.plugins.eks2aks.manifests.rules.live.ControllerOwnedRule;
import io.jenkins.plugins.eks2aks.manifests.rules.live.ServerSetFieldsRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AlbIngressRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.LoadBalancerServiceRule;
import io.jenkins.plugins.eks2aks.manifests.rules.scheduling.NodeSchedulingRule;
import io.jenkins.plugins.eks2aks.manifests.rules.system.AwsSystemObjectsRule;
import io.jenkins.plugins.eks2aks.manifests.rules.system.NamespaceFilterRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every conversion rule of the EKS→AKS catalog ({@code eks-to-aks-mapping.md}), in the order they run.
 * Rules a mapping file disables are left out; the rules that keep private load balancers private cannot be.
 */
public final class RuleCatalog {

    /** Rules whose absence could turn an internal load balancer or ingress public. */
    public static final Set<String> SAFETY_RULES = Set.of("L3", "N2");

    private RuleCatalog() {
    }

    public static List<ConversionRule> rules(RuleContext context) {
        Set<String> disabled = context.mapping().disabledRules();
        for (String id : disabled) {
            if (SAFETY_RULES.contains(id)) {
                throw new MigrationException("Mapping file: rule " + id + " cannot be disabled: it keeps internal "
                        + "load balancers and ingresses internal on AKS");
            }
        }
        List<ConversionRule> rules = new ArrayList<>();
        // What is not migrated at all, and what a live export carries that AKS sets itself.
        rules.add(new NamespaceFilterRule(context.mapping()));
        rules.add(new AwsSystemObjectsRule(context.mapping()));
        rules.add(new ControllerOwnedRule());
        rules.add(new ServerSetFieldsRule());
        // Images.
        rules.add(new EcrImageRule(context.mapping().registryMap()));
        // Networking: Services and ingresses (keeps private load balancers private).
        rules.add(new LoadBalancerServiceRule());
        rules.add(new AlbIngressRule(context.mapping(), context.index()));
        // Identity: IRSA and Pod Identity → Microsoft Entra Workload ID.
        rules.add(new IrsaServiceAccountRule(context.mapping()));
        rules.add(new WorkloadIdentityPodRule(context.index()));
        // Scheduling: node labels, spot, zones, instance types.
        rules.add(new NodeSchedulingRule(context.mapping()));
        return rules.stream()
                .filter(r -> !disabled.contains(r.id()))
                .map(r -> disabled.isEmpty() ? r : new WithoutDisabled(r, disabled))
                .toList();
    }

    /** A rule class can carry several catalog ids (L1…L22); drop the changes of the ids that are disabled. */
    private record WithoutDisabled(ConversionRule rule, Set<String> disabled) implements ConversionRule {
        @Override
        public String id() {
            return rule.id();
        }

        @Override
        public boolean appliesTo(KubeObject object) {
            return rule.appliesTo(object);
        }

        @Override
        public List<Change> apply(KubeObject object) {
            return rule.apply(object).stream().filter(c -> !disabled.contains(c.ruleId())).toList();
        }
    }
}
