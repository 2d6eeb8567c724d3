package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cluster-scoped Karpenter objects written with a namespace, EKS Auto Mode node classes, and dangling node classes. */
class NodeClassesAndAutoModeTest {

    private static final MigrationMapping AZURE_LINUX = MappingFile.parse("eks2aks.yaml", "karpenter: {imageFamily: AzureLinux}");

    private static String nodePool(String namespace, String group, String kind, String nodeClass) {
        return """
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: general, %s}
                spec:
                  template:
                    spec:
                      nodeClassRef: {group: %s, kind: %s, name: %s}
                      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]
                ---
                """.formatted(namespace, group, kind, nodeClass);
    }

    @Test
    void aNodePoolAndNodeClassWrittenInTheKarpenterNamespaceAreConvertedNotExcluded() {
        String yaml = nodePool("namespace: karpenter", "karpenter.k8s.aws", "EC2NodeClass", "general") + """
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: general, namespace: karpenter}
                spec: {amiSelectorTerms: [{alias: al2023@latest}], role: KarpenterNodeRole}
                """;
        ConversionResult result = Conversions.convert(yaml, AZURE_LINUX);
        List<JsonNode> out = Conversions.output(result);

        assertEquals(List.of("NodePool", "AKSNodeClass"), out.stream().map(o -> o.path("kind").asText()).toList());
        out.forEach(o -> assertFalse(o.at("/metadata").has("namespace"), "cluster-scoped: " + o));
        assertEquals("AKSNodeClass", out.get(0).at("/spec/template/spec/nodeClassRef/kind").asText());
        assertEquals(0, result.pendingDecisions());
    }

    @Test
    void anEksAutoModeNodeClassBecomesTheAksNodeClassItsNodePoolNames() {
        String yaml = nodePool("", "eks.amazonaws.com", "NodeClass", "private-compute") + """
                apiVersion: eks.amazonaws.com/v1
                kind: NodeClass
                metadata: {name: private-compute}
                spec:
                  role: MyNodeRole
                  subnetSelectorTerms: [{tags: {Name: private}}]
                  ephemeralStorage: {size: 160Gi, iops: 3000}
                  tags: {team: shop}
                """;
        ConversionResult result = Conversions.convert(yaml, AZURE_LINUX);
        List<JsonNode> out = Conversions.output(result);

        JsonNode nodeClass = out.get(1);
        assertEquals("karpenter.azure.com/v1beta1", nodeClass.path("apiVersion").asText());
        assertEquals("private-compute", nodeClass.at("/metadata/name").asText());
        assertEquals(160, nodeClass.at("/spec/osDiskSizeGB").asInt());
        assertEquals("shop", nodeClass.at("/spec/tags/team").asText());
        assertEquals("private-compute", out.get(0).at("/spec/template/spec/nodeClassRef/name").asText());
        assertTrue(result.changes().stream().noneMatch(c -> c.change().isExclusion()), "the NodeClass is converted, not left out");
    }

    @Test
    void aNodePoolWhoseNodeClassIsNotInTheInputIsADecisionButTheBuiltInDefaultIsNot() {
        ConversionResult dangling = Conversions.convert(nodePool("", "eks.amazonaws.com", "NodeClass", "gpu"), AZURE_LINUX);
        Change decision = Conversions.changes(dangling, "KP1").get(0);
        assertEquals(RuleMode.HUMAN, decision.mode());
        assertTrue(decision.reason().contains("NodeClass gpu is not in the input"), decision.reason());

        ConversionResult builtIn = Conversions.convert(nodePool("", "eks.amazonaws.com", "NodeClass", "default"), AZURE_LINUX);
        assertEquals(0, builtIn.pendingDecisions());
        assertEquals("AKSNodeClass", Conversions.output(builtIn).get(0).at("/spec/template/spec/nodeClassRef/kind").asText());
    }

    @Test
    void theImageFamilyDecisionNamesWhatTheNodeClassRan() {
        String bottlerocket = """
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: br}
                spec: {amiSelectorTerms: [{alias: bottlerocket@latest}]}
                """;
        String custom = bottlerocket.replace("{alias: bottlerocket@latest}", "{id: ami-0123456789abcdef0}");
        String br = Conversions.changes(Conversions.convert(bottlerocket, MigrationMapping.defaults()), "KP2").get(0).reason();
        String ami = Conversions.changes(Conversions.convert(custom, MigrationMapping.defaults()), "KP2").get(0).reason();
        assertTrue(br.contains("closest to Bottlerocket") && !br.contains("Amazon Linux )"), br);
        assertTrue(ami.contains("custom AMI") && !ami.contains("Amazon Linux )"), ami);
    }
}
