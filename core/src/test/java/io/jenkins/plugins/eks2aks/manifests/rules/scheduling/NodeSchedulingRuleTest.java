package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeSchedulingRuleTest {

    private static String pod(String spec) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n" + spec.indent(2)
                + "  containers: [{name: a, image: a:1}]\n";
    }

    private static JsonNode convert(String spec, MigrationMapping mapping) {
        return Conversions.single(pod(spec), mapping).path("spec");
    }

    @ParameterizedTest(name = "nodeSelector {0}: {1} becomes {2}: {3}")
    @CsvSource({
            "eks.amazonaws.com/capacityType, SPOT,      kubernetes.azure.com/scalesetpriority, spot",
            "node.kubernetes.io/instance-type, m5.large, node.kubernetes.io/instance-type, Standard_D2s_v5",
            "beta.kubernetes.io/instance-type, c5.xlarge, node.kubernetes.io/instance-type, Standard_F4s_v2",
            "eks.amazonaws.com/nodegroup, shop-ondemand, kubernetes.azure.com/agentpool, shoppool",
            "topology.kubernetes.io/zone, us-east-1a, topology.kubernetes.io/zone, eastus-1",
            "failure-domain.beta.kubernetes.io/zone, us-east-1a, topology.kubernetes.io/zone, eastus-1",
            "topology.kubernetes.io/region, us-east-1, topology.kubernetes.io/region, eastus"})
    void nodeSelectorLabelsAreTranslated(String key, String value, String azureKey, String azureValue) {
        MigrationMapping mapping = MappingFile.parse("m.yaml", """
                nodePools: {shop-ondemand: shoppool}
                zones: {us-east-1a: eastus-1}
                regions: {us-east-1: eastus}
                """);
        JsonNode selector = convert("nodeSelector: {" + key + ": " + value + "}\n", mapping).path("nodeSelector");
        assertEquals(azureValue, selector.path(azureKey).asText(), selector.toString());
        if (!key.equals(azureKey)) {
            assertFalse(selector.has(key));
        }
    }

    @Test
    void spotPodsGetTheAksSpotToleration() {
        JsonNode spec = convert("nodeSelector: {eks.amazonaws.com/capacityType: SPOT}\n", MigrationMapping.defaults());
        JsonNode toleration = spec.at("/tolerations/0");
        assertEquals("kubernetes.azure.com/scalesetpriority", toleration.path("key").asText());
        assertEquals("spot", toleration.path("value").asText());
        assertEquals("NoSchedule", toleration.path("effect").asText());
    }

    @Test
    void anEksSpotTolerationIsReplacedNotDuplicated() {
        JsonNode spec = convert("""
                nodeSelector: {eks.amazonaws.com/capacityType: SPOT}
                tolerations: [{key: eks.amazonaws.com/capacityType, operator: Equal, value: SPOT, effect: NoSchedule}]
                """, MigrationMapping.defaults());
        assertEquals(1, spec.path("tolerations").size());
        assertEquals("kubernetes.azure.com/scalesetpriority", spec.at("/tolerations/0/key").asText());
    }

    @Test
    void onDemandSelectorsAreDroppedBecauseRegularPoolsAreTheDefault() {
        JsonNode spec = convert("nodeSelector: {eks.amazonaws.com/capacityType: ON_DEMAND, app: x}\n", MigrationMapping.defaults());
        assertEquals("{\"app\":\"x\"}", spec.path("nodeSelector").toString());
    }

    @Test
    void affinityExpressionsAreTranslatedValueByValue() {
        JsonNode spec = convert("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: node.kubernetes.io/instance-type, operator: In, values: [m5.large, m5.xlarge, m6i.large]}
                """, MigrationMapping.defaults());
        JsonNode expression = spec.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0");
        List<String> values = new java.util.ArrayList<>();
        expression.path("values").forEach(v -> values.add(v.asText()));
        assertEquals(List.of("Standard_D2s_v5", "Standard_D4s_v5"), values, "m5.large and m6i.large are the same size");
    }

    @Test
    void aTermLeftWithoutRequirementsIsRemovedRatherThanMatchingNoNode() {
        JsonNode spec = convert("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions: [{key: eks.amazonaws.com/capacityType, operator: In, values: [ON_DEMAND]}]
                      - matchExpressions: [{key: app, operator: In, values: [x]}]
                """, MigrationMapping.defaults());
        JsonNode terms = spec.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms");
        assertEquals(1, terms.size());
        assertEquals("app", terms.at("/0/matchExpressions/0/key").asText());
    }

    @ParameterizedTest(name = "{0} without a mapping is a decision naming {1}")
    @CsvSource({"topology.kubernetes.io/zone: us-east-1a, zones.us-east-1a",
            "eks.amazonaws.com/nodegroup: ng-1, nodePools.ng-1",
            "node.kubernetes.io/instance-type: x9.huge, agentpool",
            "eks.amazonaws.com/compute-type: fargate, virtual nodes"})
    void missingDecisionsNameTheMappingKey(String selector, String key) {
        ConversionResult result = Conversions.convert(pod("nodeSelector: {" + selector + "}\n"), MigrationMapping.defaults());
        assertTrue(result.changes().stream().anyMatch(c -> c.change().mode() == RuleMode.HUMAN && c.change().reason().contains(key)),
                result.changes().toString());
    }

    @Test
    void awsOnlyTopologyKeysBecomeThePortableZoneKey() {
        JsonNode spec = convert("topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.ebs.csi.aws.com/zone, whenUnsatisfiable: DoNotSchedule}]\n",
                MigrationMapping.defaults());
        assertEquals("topology.kubernetes.io/zone", spec.at("/topologySpreadConstraints/0/topologyKey").asText());
    }
}
