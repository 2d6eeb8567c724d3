package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values a HelmRelease takes from a ConfigMap are converted like its spec.values; values not read are decisions. */
class HelmValuesFromRuleTest {

    private static final Path FIXTURE = Path.of("src/test/resources/flux-values-from");
    private static final String ROLE = "arn:aws:iam::123456789012:role/podinfo";
    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final MigrationMapping MAPPING = MappingFile.parse("eks2aks.yaml", """
            acr: contoso.azurecr.io
            identities: {"%s": {clientId: 11111111-2222-3333-4444-555555555555}}
            """.formatted(ROLE));

    private static JsonNode configMap(ConversionResult result, String name) {
        return Conversions.output(result).stream().filter(o -> o.path("kind").asText().equals("ConfigMap")
                && o.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void theValuesOfAConfigMapAreConvertedInPlaceAndKeepTheirCommentsAndOtherSettings() throws Exception {
        ConversionResult result = Conversions.convert(FIXTURE, MAPPING);
        String text = configMap(result, "podinfo-values").at("/data/values.yaml").asText();
        JsonNode values = yaml(text);

        JsonNode annotations = values.at("/service/annotations");
        assertEquals("true", annotations.path("service.beta.kubernetes.io/azure-load-balancer-internal").asText(), text);
        assertFalse(annotations.has("service.beta.kubernetes.io/aws-load-balancer-scheme"), text);
        assertEquals("11111111-2222-3333-4444-555555555555",
                values.at("/serviceAccount/annotations").path("azure.workload.identity/client-id").asText(), text);
        assertFalse(values.at("/serviceAccount/annotations").has("eks.amazonaws.com/role-arn"), text);
        assertEquals("managed-csi-premium", values.at("/persistence/storageClass").asText(), text);
        assertEquals(2, values.path("replicaCount").asInt());
        assertTrue(text.startsWith("# podinfo on the internal network only\n"), text);
        assertTrue(text.contains("message: hello # shown on the home page"), text);

        Change rewrite = result.changes().stream().map(ObjectChange::change)
                .filter(c -> c.path().equals("/data/values.yaml") && c.op() != null).findFirst().orElseThrow();
        assertTrue(rewrite.reason().startsWith("ConfigMap podinfo/podinfo-values key values.yaml (values of HelmRelease podinfo/podinfo)"),
                rewrite.reason());
        assertTrue(rewrite.reason().contains("ConfigMap podinfo/podinfo-values at data[\"values.yaml\"].service.annotations"), rewrite.reason());
        assertTrue(result.changes().stream().filter(c -> c.change() == rewrite).allMatch(ObjectChange::applied));
    }

    @Test
    void aValueMergedAtATargetPathIsRewrittenWhenItIsTheValueThatChanges() {
        ConversionResult result = Conversions.convert(FIXTURE, MAPPING);
        assertEquals("contoso.azurecr.io/apps/podinfo", configMap(result, "podinfo-values").at("/data/image-repository").asText());
    }

    @Test
    void valuesFromASecretAreADecisionNamingTheHelmReleaseAndTheSecretWithoutItsData() {
        String secretData = "c2VydmljZToKICBhbm5vdGF0aW9uczoKICAgIHNlY3JldC1tYXJrZXI6IHRydWUK"; // "secret-marker" inside
        ConversionResult result = Conversions.convert("""
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: podinfo, namespace: apps}
                spec:
                  chart: {spec: {chart: podinfo}}
                  valuesFrom:
                  - {kind: Secret, name: podinfo-secret-values}
                  - {kind: ConfigMap, name: elsewhere, valuesKey: prod.yaml}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: podinfo-secret-values, namespace: apps}
                data: {values.yaml: %s}
                """.formatted(secretData), MigrationMapping.defaults());

        List<Change> decisions = Conversions.changes(result, "CR1").stream().filter(c -> c.mode() == RuleMode.HUMAN).toList();
        assertEquals(List.of("/spec/valuesFrom/0", "/spec/valuesFrom/1"), decisions.stream().map(Change::path).toList());
        assertTrue(decisions.get(0).reason().startsWith("HelmRelease apps/podinfo takes values from Secret podinfo-secret-values "
                + "(key values.yaml): values from Secret podinfo-secret-values are not read: check them for AWS settings"),
                decisions.get(0).reason());
        assertTrue(decisions.get(1).reason().contains("ConfigMap elsewhere is not in the input"), decisions.get(1).reason());
        assertTrue(result.changes().stream().noneMatch(c -> c.change().reason().contains(secretData)
                || c.change().reason().contains("secret-marker") || String.valueOf(c.change().before()).contains(secretData)));
        assertTrue(result.pendingDecisions() >= 2);
    }

    @Test
    void valuesThatAreNotYamlAreADecision() {
        ConversionResult result = Conversions.convert("""
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: podinfo, namespace: apps}
                spec:
                  valuesFrom: [{kind: ConfigMap, name: podinfo-values}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: podinfo-values, namespace: apps}
                data: {values.yaml: "service: [unclosed"}
                """, MigrationMapping.defaults());

        Change decision = Conversions.changes(result, "CR1").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertEquals("/data/values.yaml", decision.path());
        assertTrue(decision.reason().startsWith("HelmRelease apps/podinfo takes values from ConfigMap podinfo-values (key values.yaml), "
                + "but its values.yaml is not YAML"), decision.reason());
    }

    @Test
    void aConfigMapInAnotherNamespaceIsNotTheHelmReleasesAndAChangeBesideATargetPathValueIsADecision() {
        ConversionResult result = Conversions.convert("""
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: podinfo, namespace: apps}
                spec:
                  valuesFrom:
                  - {kind: ConfigMap, name: lb, valuesKey: scheme, targetPath: 'service.annotations.service\\.beta\\.kubernetes\\.io/aws-load-balancer-scheme'}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: lb, namespace: apps}
                data: {scheme: internal}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: lb, namespace: other}
                data: {scheme: internal}
                """, MigrationMapping.defaults());

        List<Change> decisions = Conversions.changes(result, "L3").stream().toList();
        assertFalse(decisions.isEmpty(), result.changes().toString());
        assertTrue(decisions.stream().allMatch(c -> c.mode() == RuleMode.HUMAN && c.reason().contains("ConfigMap apps/lb at data.scheme")
                && c.reason().contains("targetPath")), decisions.toString());
        assertEquals("internal", Conversions.output(result).get(1).at("/data/scheme").asText());
        assertTrue(result.changes().stream().noneMatch(c -> "other".equals(c.object().namespace())));
    }

    @Test
    void anUnmappedRoleInTheValuesNamesTheFederatedSubjectInTheNamespaceTheKustomizationGives() {
        ConversionResult result = Conversions.convert(FIXTURE, MigrationMapping.defaults());
        Change role = Conversions.changes(result, "W1").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertEquals("/data/values.yaml/serviceAccount/annotations/eks.amazonaws.com~1role-arn", role.path());
        assertTrue(role.reason().startsWith("ConfigMap podinfo/podinfo-values at data[\"values.yaml\"].serviceAccount.annotations:"), role.reason());
        assertTrue(role.reason().contains("federated credential for system:serviceaccount:podinfo:"), role.reason());
        assertEquals(ROLE, Conversions.output(result).stream().filter(o -> o.path("kind").asText().equals("ConfigMap")).findFirst()
                .orElseThrow().at("/data/values.yaml").asText().lines().filter(l -> l.contains("role-arn")).findFirst().orElseThrow()
                .replaceAll(".*role-arn: ", ""), "a decision leaves the values as they are");
    }

    @Test
    void aRuleTheMappingDisablesChangesNothingInsideTheValues() throws Exception {
        ConversionResult result = Conversions.convert(FIXTURE, MappingFile.parse("eks2aks.yaml", """
                acr: contoso.azurecr.io
                rules: {disable: [L2, I1]}
                """));
        JsonNode values = yaml(configMap(result, "podinfo-values").at("/data/values.yaml").asText());
        assertEquals("external", values.at("/service/annotations").path("service.beta.kubernetes.io/aws-load-balancer-type").asText());
        assertEquals("true", values.at("/service/annotations").path("service.beta.kubernetes.io/azure-load-balancer-internal").asText());
        assertEquals(ECR + "/apps/podinfo", configMap(result, "podinfo-values").at("/data/image-repository").asText());
    }
}
