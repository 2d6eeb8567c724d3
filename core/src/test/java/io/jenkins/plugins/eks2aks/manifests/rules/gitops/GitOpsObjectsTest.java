package io.jenkins.plugins.eks2aks.manifests.rules.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.manifests.rules.FluxImageRepositoryRule;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flux and Argo CD objects: image scanning on ECR moves to ACR, releases of AWS add-ons stay behind. */
class GitOpsObjectsTest {

    private static final String ECR = "123456789012.dkr.ecr.us-west-2.amazonaws.com";

    @Test
    void anImageRepositoryOnEcrScansTheAcrRepositoryWithTheAzureProvider() {
        String yaml = """
                apiVersion: image.toolkit.fluxcd.io/v1beta2
                kind: ImageRepository
                metadata: {name: ui, namespace: flux-system}
                spec: {provider: aws, interval: 1m, image: %s/retail-store/ui}
                ---
                apiVersion: image.toolkit.fluxcd.io/v1beta2
                kind: ImagePolicy
                metadata: {name: ui, namespace: flux-system}
                spec: {imageRepositoryRef: {name: ui}, policy: {semver: {range: ">=1.0.0"}}}
                """.formatted(ECR);
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults().withAcr("contoso.azurecr.io"));
        List<JsonNode> out = Conversions.output(result);

        assertEquals("azure", out.get(0).at("/spec/provider").asText());
        assertEquals("contoso.azurecr.io/retail-store/ui", out.get(0).at("/spec/image").asText());
        assertEquals(0, result.pendingDecisions());
        assertEquals(">=1.0.0", out.get(1).at("/spec/policy/semver/range").asText(), "the policy is left as it is");
    }

    @Test
    void theFluxSampleWhoseImageIsAPlaceholderIsADecisionOnItsProvider() {
        ConversionResult result = Conversions.convert(Upstream.text(
                "eks-workshop-v2/manifests/modules/automation/gitops/flux/pipeline/imagerepository.yaml"), MigrationMapping.defaults()
                .withAcr("contoso.azurecr.io"));
        Change decision = Conversions.changes(result, "I9").get(0);
        assertEquals(RuleMode.HUMAN, decision.mode());
        assertEquals("/spec/provider", decision.path());
        assertTrue(decision.reason().contains("${IMAGE_URI_UI}") && decision.reason().contains("spec.provider: azure"), decision.reason());
    }

    private static final String ECR_IMAGE_REPOSITORY = "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\n"
            + "metadata: {name: ui, namespace: flux-system}\nspec: {image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/ui, provider: aws}";

    @Test
    void theProviderDecisionNamesTheCommandLinesAcrOption() {
        Change decision = new FluxImageRepositoryRule(RegistryMap.of(List.of(), null), FrontEndNames.CLI)
                .apply(Manifests.object(ECR_IMAGE_REPOSITORY)).get(0);
        assertTrue(decision.reason().contains("(for an ECR image: set acr in eks2aks.yaml (or --acr))"), decision.reason());
        assertEquals(List.of("acr"), decision.mappingKeys(), "the mapping file's key, not the option");
    }

    @Test
    void theProviderDecisionNamesTheStepsAcrParameter() {
        Change decision = new FluxImageRepositoryRule(RegistryMap.of(List.of(), null), FrontEndNames.STEPS)
                .apply(Manifests.object(ECR_IMAGE_REPOSITORY)).get(0);
        assertTrue(decision.reason().contains("(for an ECR image: set acr in eks2aks.yaml (or 'acr'))"), decision.reason());
        assertFalse(decision.reason().contains("--"), decision.reason());
        assertEquals(List.of("acr"), decision.mappingKeys());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HelmRelease | 'apiVersion: helm.toolkit.fluxcd.io/v2\\nkind: HelmRelease\\nmetadata: {name: karpenter, namespace: flux-system}\\nspec: {targetNamespace: karpenter, chart: {spec: {chart: karpenter, sourceRef: {kind: HelmRepository, name: karpenter}}}}' | EX10 | namespace karpenter
            HelmRelease | 'apiVersion: helm.toolkit.fluxcd.io/v2\\nkind: HelmRelease\\nmetadata: {name: lbc, namespace: kube-system}\\nspec: {chart: {spec: {chart: aws-load-balancer-controller}}, values: {serviceAccount: {annotations: {eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lbc}}}}' | EX5 | chart aws-load-balancer-controller
            Application | 'apiVersion: argoproj.io/v1alpha1\\nkind: Application\\nmetadata: {name: ebs, namespace: argocd}\\nspec: {destination: {namespace: kube-system}, source: {repoURL: https://kubernetes-sigs.github.io/aws-ebs-csi-driver, chart: aws-ebs-csi-driver}}' | EX3 | the EBS/EFS/FSx/S3 CSI drivers
            Application | 'apiVersion: argoproj.io/v1alpha1\\nkind: Application\\nmetadata: {name: efs, namespace: argocd}\\nspec: {sources: [{chart: aws-efs-csi-driver}]}' | EX3 | chart aws-efs-csi-driver
            """)
    void aReleaseOfAnAwsAddonIsLeftOutLikeTheAddon(String kind, String yaml, String rule, String mentioned) {
        ConversionResult result = Conversions.convert(yaml.replace("\\n", "\n"), MigrationMapping.defaults());
        assertTrue(Conversions.output(result).isEmpty());
        Change exclusion = Conversions.changes(result, rule).get(0);
        assertTrue(exclusion.isExclusion() && exclusion.reason().startsWith(kind) && exclusion.reason().contains(mentioned),
                exclusion.reason());
        assertEquals(0, result.pendingDecisions(), "the add-on's own values need no decision");
    }

    @Test
    void aReleaseOfAnotherChartIsMigrated() {
        String yaml = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: podinfo, namespace: apps}
                spec: {chart: {spec: {chart: podinfo}}}
                """;
        assertEquals(1, Conversions.output(Conversions.convert(yaml, MigrationMapping.defaults())).size());
    }
}
