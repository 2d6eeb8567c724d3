package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X3: resources only EKS nodes offer never reach AKS, where the pod would stay Pending. */
class AwsExtendedResourcesRuleTest {

    @Test
    void vpcResourcesAreDroppedWithAReasonAndEfaWithAWarning() {
        ConversionResult result = Conversions.convert("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        resources:
                          requests: {cpu: 100m, vpc.amazonaws.com/pod-eni: "1", vpc.amazonaws.com/efa: "1"}
                          limits: {vpc.amazonaws.com/pod-eni: "1", vpc.amazonaws.com/PrivateIPv4Address: "1"}
                """, MigrationMapping.defaults());

        JsonNode resources = Conversions.output(result).get(0).at("/spec/template/spec/containers/0/resources");
        assertEquals("{\"requests\":{\"cpu\":\"100m\"}}", resources.toString());
        List<Change> x3 = Conversions.changes(result, "X3");
        assertTrue(x3.stream().anyMatch(c -> c.mode() == RuleMode.AUTO_WARN && c.reason().contains("Elastic Fabric Adapter")));
        assertTrue(x3.stream().allMatch(c -> c.reason().contains("catalog X3")));
    }

    @Test
    void karpentersNeuronWorkloadIsADecision() {
        ConversionResult result = Conversions.convert(Upstream.text("karpenter-provider-aws/examples/workloads/neuron.yaml"),
                MigrationMapping.defaults());

        List<Change> x3 = Conversions.changes(result, "X3");
        assertEquals(1, x3.size(), x3.toString());
        assertEquals(RuleMode.HUMAN, x3.get(0).mode());
        assertTrue(x3.get(0).path().endsWith("/resources/limits/aws.amazon.com~1neuron"), x3.get(0).path());
        assertFalse(x3.get(0).reason().isEmpty());
    }
}
