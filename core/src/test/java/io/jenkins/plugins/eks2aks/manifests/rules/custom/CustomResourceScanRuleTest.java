package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deep scan converts AWS settings inside custom resources with the built-in kinds' rules, or asks. */
class CustomResourceScanRuleTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String ROLE = "arn:aws:iam::123456789012:role/shop-carts";

    private static final String HELM_RELEASE = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: carts, namespace: shop}
            spec:
              chart: {spec: {chart: carts}}
              values:
                image: {repository: %1$s/shop/carts, tag: "1.4.0"}
                sidecar: {image: "%1$s/shop/proxy:2.1@sha256:%3$s"}
                serviceAccount:
                  annotations: {eks.amazonaws.com/role-arn: %2$s}
                nodeSelector: {eks.amazonaws.com/capacityType: ON_DEMAND, kubernetes.io/os: linux}
                persistence: {storageClass: gp3, size: 10Gi}
                registry: %1$s
                aws: {roleArn: %2$s, zone: us-east-1a}
            """.formatted(ECR, ROLE, "a".repeat(64));

    @Test
    void chartValuesAreConvertedByTheBuiltInRules() {
        MigrationMapping mapping = MappingFile.parse("eks2aks.yaml", """
                acr: contoso.azurecr.io
                identities: {"%s": {clientId: 11111111-2222-3333-4444-555555555555}}
                zones: {us-east-1a: eastus-1}
                """.formatted(ROLE));
        ConversionResult result = Conversions.convert(HELM_RELEASE, mapping);
        JsonNode values = Conversions.output(result).get(0).at("/spec/values");

        assertEquals("contoso.azurecr.io/shop/carts", values.at("/image/repository").asText(), "repository without a tag stays without one");
        assertEquals("1.4.0", values.at("/image/tag").asText());
        assertEquals("contoso.azurecr.io/shop/proxy:2.1@sha256:" + "a".repeat(64), values.at("/sidecar/image").asText());
        JsonNode annotations = values.at("/serviceAccount/annotations");
        assertEquals("11111111-2222-3333-4444-555555555555", annotations.path("azure.workload.identity/client-id").asText());
        assertFalse(annotations.has("eks.amazonaws.com/role-arn"));
        assertFalse(values.at("/nodeSelector").has("eks.amazonaws.com/capacityType"), "on-demand needs no selector on AKS");
        assertEquals("linux", values.at("/nodeSelector/kubernetes.io~1os").asText());
        assertEquals("managed-csi-premium", values.at("/persistence/storageClass").asText());
        assertEquals("eastus-1", values.at("/aws/zone").asText());

        List<Change> decisions = result.changes().stream().map(c -> c.change()).filter(c -> c.mode() == RuleMode.HUMAN).toList();
        assertEquals(List.of("/spec/values/registry", "/spec/values/aws/roleArn"), decisions.stream().map(Change::path).toList());
        assertTrue(decisions.get(0).reason().startsWith("HelmRelease shop/carts at spec.values.registry: ECR registry"), decisions.get(0).reason());
        Change role = result.changes().stream().map(c -> c.change()).filter(c -> c.ruleId().equals("W1") && c.mode() == RuleMode.AUTO_WARN)
                .findFirst().orElseThrow();
        assertTrue(role.reason().contains("azure.workload.identity/use"), role.reason());
    }

    @Test
    void withoutTheMappingEveryAwsValueIsADecisionAndNothingIsPassedSilently() {
        ConversionResult result = Conversions.convert(HELM_RELEASE, MigrationMapping.defaults());
        List<String> decided = result.changes().stream().map(c -> c.change()).filter(c -> c.mode() == RuleMode.HUMAN)
                .map(Change::path).toList();
        assertTrue(decided.containsAll(List.of("/spec/values/image/repository", "/spec/values/sidecar/image",
                "/spec/values/serviceAccount/annotations/eks.amazonaws.com~1role-arn", "/spec/values/aws/zone")), decided.toString());
    }

    @Test
    void aKafkaClustersStorageClassFollowsTheClassMapAndAnUnknownClassIsLeftAlone() {
        String yaml = """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: kafka-io2}
                provisioner: ebs.csi.aws.com
                parameters: {type: io2, iopsPerGB: "50"}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: events, namespace: kafka}
                spec:
                  kafka:
                    storage: {type: jbod, volumes: [{id: 0, type: persistent-claim, size: 100Gi, class: gp2}, {id: 1, type: persistent-claim, class: local-nvme}]}
                  zookeeper:
                    storage: {type: persistent-claim, class: kafka-io2}
                """;
        MigrationMapping mapping = MappingFile.parse("eks2aks.yaml", "storageClasses: {kafka-io2: managed-csi-premium}");
        JsonNode kafka = Conversions.output(Conversions.convert(yaml, mapping)).stream()
                .filter(o -> o.path("kind").asText().equals("Kafka")).findFirst().orElseThrow();

        assertEquals("managed-csi-premium", kafka.at("/spec/kafka/storage/volumes/0/class").asText());
        assertEquals("local-nvme", kafka.at("/spec/kafka/storage/volumes/1/class").asText(), "a class nobody knows is not ours");
        assertEquals("managed-csi-premium", kafka.at("/spec/zookeeper/storage/class").asText());
    }

    @Test
    void aPodTemplateInACustomResourceIsLeftToThePodRules() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: web, image: %s/shop/web:1}]
                """.formatted(ECR);
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults().withAcr("contoso.azurecr.io"));
        assertEquals("contoso.azurecr.io/shop/web:1", Conversions.output(result).get(0).at("/spec/template/spec/containers/0/image").asText());
        assertTrue(result.conflicts().isEmpty(), result.conflicts().toString());
        assertEquals(1, Conversions.changes(result, "I1").size());
    }

    @Test
    void builtInKindsAndAwsGroupsAreNotScanned() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: shop}
                data: {image: %s/shop/web:1}
                """.formatted(ECR);
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());
        assertTrue(Conversions.changes(result, "I1", "CR1").isEmpty());
    }

    @Test
    void theDottedPathNamesKeysWithSlashesAndIndexes() {
        assertEquals("spec.values[\"eks.amazonaws.com/role-arn\"]", CustomResources.dotted("/spec/values/eks.amazonaws.com~1role-arn"));
        assertEquals("spec.listeners[0].configuration", CustomResources.dotted("/spec/listeners/0/configuration"));
    }

    @Test
    void anUnmappedRoleInChartValuesNamesTheSubjectInTheNamespaceTheReleaseInstallsInto() {
        ConversionResult result = Conversions.convert("""
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: carts, namespace: flux-system}
                spec:
                  targetNamespace: shop
                  values: {serviceAccount: {annotations: {eks.amazonaws.com/role-arn: %s}}}
                """.formatted(ROLE), MigrationMapping.defaults());
        Change decision = Conversions.changes(result, "W1").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertTrue(decision.reason().contains("federated credential for system:serviceaccount:shop:"), decision.reason());
    }

    private static String registryDecision(FrontEndNames frontEnd) {
        ConversionResult result = Conversions.convert(HELM_RELEASE, MappingFile.parse("eks2aks.yaml", "acr: contoso.azurecr.io"), frontEnd);
        return result.changes().stream().map(c -> c.change()).filter(c -> c.path().equals("/spec/values/registry"))
                .findFirst().orElseThrow().reason();
    }

    @Test
    void anEcrRegistryInAFieldOfItsOwnNamesTheCommandLinesImageCopy() {
        String reason = registryDecision(FrontEndNames.CLI);
        assertTrue(reason.endsWith("copy the images under it with eks2aks copy-images (catalog I1)"), reason);
    }

    @Test
    void anEcrRegistryInAFieldOfItsOwnNamesTheImageCopyStepInJenkins() {
        String reason = registryDecision(FrontEndNames.STEPS);
        assertTrue(reason.endsWith("copy the images under it with the ecrToAcr step (catalog I1)"), reason);
    }
}
