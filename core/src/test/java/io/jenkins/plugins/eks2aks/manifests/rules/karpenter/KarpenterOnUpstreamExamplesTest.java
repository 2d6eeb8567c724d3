package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Karpenter family on karpenter-provider-aws {@code examples/} (upstream fixtures). */
class KarpenterOnUpstreamExamplesTest {

    private static final MigrationMapping AZURE_LINUX = MappingFile.parse("eks2aks.yaml", "karpenter: {imageFamily: AzureLinux}");

    private static List<JsonNode> output(String example, MigrationMapping mapping) {
        return Conversions.output(Conversions.convert(Upstream.text("karpenter-provider-aws/examples/" + example), mapping));
    }

    private static JsonNode kind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void windowsNodePoolsAndNodeClassesAreDecisionsNeverAzureLinux() {
        ConversionResult result = Conversions.convert(Upstream.text("karpenter-provider-aws/examples/v1/windows-2022.yaml"), AZURE_LINUX);

        List<Change> decisions = result.changes().stream().map(c -> c.change()).filter(c -> c.mode() == RuleMode.HUMAN).toList();
        assertTrue(decisions.stream().anyMatch(c -> c.ruleId().equals("KP1") && c.reason().contains("Windows")), decisions.toString());
        assertTrue(decisions.stream().anyMatch(c -> c.ruleId().equals("KP2") && c.path().equals("/spec/amiSelectorTerms/0/alias")),
                decisions.toString());
        List<JsonNode> out = Conversions.output(result);
        assertEquals("EC2NodeClass", kind(out, "EC2NodeClass").path("kind").asText());
        assertFalse(out.toString().contains("AzureLinux"), out.toString());
    }

    @Test
    void minValuesIsLoweredToWhatTheAzureFamiliesAllow() {
        JsonNode pool = kind(output("v1/min-values-family.yaml", AZURE_LINUX), "NodePool");

        JsonNode family = null;
        for (JsonNode r : pool.at("/spec/template/spec/requirements")) {
            if (r.path("key").asText().equals("karpenter.azure.com/sku-family") && r.has("minValues")) {
                family = r;
            }
        }
        assertEquals(3, family.path("minValues").asInt(), pool.toString());
    }

    @Test
    void theRootVolumeOfSeveralBlockDevicesBecomesTheOsDisk() {
        JsonNode nodeClass = kind(output("v1/multiple-ebs.yaml", AZURE_LINUX), "AKSNodeClass");

        assertEquals(30, nodeClass.at("/spec/osDiskSizeGB").asInt(), "/dev/xvda 20Gi, raised to the AKS minimum");
    }

    @Test
    void neuronInstanceTypesAreADecisionNotACpuSize() {
        String pool = """
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: neuron}
                spec:
                  template:
                    spec:
                      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                      requirements:
                      - {key: node.kubernetes.io/instance-type, operator: In, values: [inf2.xlarge, trn1.2xlarge]}
                      - {key: karpenter.k8s.aws/instance-family, operator: In, values: [inf2]}
                      - {key: karpenter.k8s.aws/instance-family, operator: NotIn, values: [trn1]}
                """;
        ConversionResult result = Conversions.convert(pool, AZURE_LINUX);

        List<Change> decisions = Conversions.changes(result, "KP1").stream().filter(c -> c.mode() == RuleMode.HUMAN).toList();
        assertEquals(List.of("/spec/template/spec/requirements/0", "/spec/template/spec/requirements/1"),
                decisions.stream().map(Change::path).toList());
        assertTrue(decisions.get(0).reason().contains("Neuron"), decisions.get(0).reason());
        assertFalse(Conversions.output(result).get(0).toString().contains("Standard_D"));
    }
}
