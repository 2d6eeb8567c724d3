package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;
import io.jenkins.plugins.eks2aks.manifests.rules.FluxImageRepositoryRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.AccessReviewApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.AdmissionWebhookApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.CertificateSigningRequestApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.CustomResourceDefinitionApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.EndpointSliceApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.FlowControlApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.HorizontalPodAutoscalerApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.IngressApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.PodDisruptionBudgetApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.PodSecurityPolicyRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.VersionOnlyApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.api.WorkloadApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.AwsInOtherToolsRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.CustomResourceScanRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.HelmValuesFromRule;
import io.jenkins.plugins.eks2aks.manifests.rules.karpenter.Ec2NodeClassRule;
import io.jenkins.plugins.eks2aks.manifests.rules.karpenter.LegacyKarpenterRule;
import io.jenkins.plugins.eks2aks.manifests.rules.karpenter.NodePoolRule;
import io.jenkins.plugins.eks2aks.manifests.rules.secrets.AwsSecretProviderClassRule;
import io.jenkins.plugins.eks2aks.manifests.rules.secrets.AwsSecretStoreRule;
import io.jenkins.plugins.eks2aks.manifests.rules.secrets.ExternalSecretKeysRule;
import io.jenkins.plugins.eks2aks.manifests.rules.secrets.ExternalSecretsApiRule;
import io.jenkins.plugins.eks2aks.manifests.rules.secrets.SecretProviderClassIdentityRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.AwsPersistentVolumeRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.AwsStorageClassRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.ClaimStorageClassRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.EbsSnapshotRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.SnapshotDataSourceRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.EbsVolumeAttributesClassRule;
import io.jenkins.plugins.eks2aks.manifests.rules.storage.MountpointS3VolumeRule;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrPullSecretRule;
import io.jenkins.plugins.eks2aks.manifests.rules.identity.IrsaServiceAccountRule;
import io.jenkins.plugins.eks2aks.manifests.rules.identity.WorkloadIdentityPodRule;
import io.jenkins.plugins.eks2aks.manifests.rules.live.ControllerOwnedRule;
import io.jenkins.plugins.eks2aks.manifests.rules.live.ServerSetFieldsRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AlbIngressPatchRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AlbIngressRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.AwsGatewayRule;
import io.jenkins.plugins.eks2aks.manifests.rules.network.LoadBalancerServiceRule;
import io.jenkins.plugins.eks2aks.manifests.rules.scheduling.AwsExtendedResourcesRule;
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
    public static final Set<String> SAFETY_RULES = Set.of("L3", "N2", "CR1");

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
        rules.add(new ServerSetFieldsRule(context.index()));
        // Images.
        rules.add(new EcrImageRule(context.mapping().registryMap(), context.index(), context.frontEnd()));
        rules.add(new EcrPullSecretRule(context.index()));
        rules.add(new FluxImageRepositoryRule(context.mapping().registryMap(), context.frontEnd()));
        // Networking: Services and ingresses (keeps private load balancers private).
        rules.add(new LoadBalancerServiceRule(context.index()));
        rules.add(new AlbIngressRule(context.mapping(), context.index()));
        rules.add(new AlbIngressPatchRule(context.index()));
        rules.add(new AwsGatewayRule(context.index()));
        // Identity: IRSA and Pod Identity → Microsoft Entra Workload ID.
        rules.add(new IrsaServiceAccountRule(context.mapping(), context.index()));
        rules.add(new WorkloadIdentityPodRule(context.index()));
        // Scheduling: node labels, spot, zones, instance types.
        rules.add(new NodeSchedulingRule(context.mapping()));
        rules.add(new AwsExtendedResourcesRule());
        // Storage (§2: SC1–SC14, PV1–PV8), secrets (§5: K1–K5, E1–E3), Karpenter (§6.2: KP1–KP3).
        rules.add(new AwsStorageClassRule(context));
        rules.add(new ClaimStorageClassRule(context));
        rules.add(new AwsPersistentVolumeRule(context));
        rules.add(new MountpointS3VolumeRule(context.mapping(), context.frontEnd()));
        rules.add(new EbsSnapshotRule());
        rules.add(new SnapshotDataSourceRule(context.frontEnd()));
        rules.add(new EbsVolumeAttributesClassRule(context));
        rules.add(new AwsSecretProviderClassRule(context));
        rules.add(new SecretProviderClassIdentityRule(context));
        rules.add(new AwsSecretStoreRule(context));
        rules.add(new ExternalSecretsApiRule());
        rules.add(new ExternalSecretKeysRule(context));
        rules.add(new NodePoolRule(context));
        rules.add(new Ec2NodeClassRule(context));
        rules.add(new LegacyKarpenterRule());
        // API removals up to the target AKS version (§8.1: API1–API14).
        rules.add(new IngressApiRule(context));
        rules.add(VersionOnlyApiRule.cronJobs(context));
        rules.add(new HorizontalPodAutoscalerApiRule(context));
        rules.add(new PodDisruptionBudgetApiRule(context));
        rules.add(new PodSecurityPolicyRule(context));
        rules.add(new EndpointSliceApiRule(context));
        rules.add(new FlowControlApiRule(context));
        rules.add(VersionOnlyApiRule.csiStorageCapacities(context));
        rules.add(new WorkloadApiRule(context));
        rules.add(new AdmissionWebhookApiRule(context));
        rules.add(new CustomResourceDefinitionApiRule(context));
        rules.add(VersionOnlyApiRule.others(context));
        rules.add(new AccessReviewApiRule(context));
        rules.add(new CertificateSigningRequestApiRule(context));
        // Custom resources no rule above handles: their AWS settings, converted by the rules above (§10, CR1).
        rules.add(new CustomResourceScanRule(context));
        rules.add(new HelmValuesFromRule(context));
        rules.add(new AwsInOtherToolsRule());
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
