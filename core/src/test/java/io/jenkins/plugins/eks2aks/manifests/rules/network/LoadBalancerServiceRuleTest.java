package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadBalancerServiceRuleTest {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";

    private static ConversionResult convert(String annotations, String spec) {
        return Conversions.convert("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  namespace: shop
                  annotations:
                %s
                spec:
                  type: LoadBalancer
                  ports: [{port: 80}, {port: 443}]
                %s
                """.formatted(annotations.indent(4), spec.indent(2)), MigrationMapping.defaults());
    }

    private static JsonNode annotationsOf(ConversionResult result) {
        return Conversions.output(result).get(0).at("/metadata/annotations");
    }

    @ParameterizedTest(name = "{0} becomes {2}={3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            healthcheck-path                | /healthz | service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path | /healthz | L10
            healthcheck-interval            | 10       | service.beta.kubernetes.io/azure-load-balancer-health-probe-interval     | 10       | L13
            healthcheck-unhealthy-threshold | 3        | service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe | 3        | L14
            healthcheck-protocol            | HTTP     | service.beta.kubernetes.io/port_443_health-probe_protocol                 | HTTP     | L11
            healthcheck-port                | 8080     | service.beta.kubernetes.io/port_80_health-probe_port                      | 8080     | L12
            connection-idle-timeout         | 3600     | service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout          | 30       | L22
            connection-idle-timeout         | 60       | service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout          | 4        | L22
            """)
    void annotationsWithAnAzureCounterpartAreTranslated(String suffix, String value, String azureKey, String azureValue, String rule) {
        ConversionResult result = convert(AWS + suffix + ": \"" + value + "\"\n" + AWS + "scheme: internet-facing", "");
        JsonNode annotations = annotationsOf(result);

        assertEquals(azureValue, annotations.path(azureKey).asText(), annotations.toString());
        assertFalse(annotations.has(AWS + suffix), annotations.toString());
        assertFalse(Conversions.changes(result, rule).isEmpty());
    }

    @ParameterizedTest(name = "{0} is dropped as {1}")
    @CsvSource({"type, L2", "nlb-target-type, L2", "healthcheck-timeout, L15", "security-groups, L18",
            "attributes, L20", "target-group-attributes, L20", "ip-address-type, L20", "connection-draining-enabled, L22"})
    void settingsWithoutAnAzureCounterpartAreDropped(String suffix, String rule) {
        ConversionResult result = convert(AWS + suffix + ": x\n" + AWS + "scheme: internet-facing", "");

        assertFalse(annotationsOf(result).has(AWS + suffix));
        Change drop = Conversions.changes(result, rule).get(0);
        assertEquals(RuleMode.DROP, drop.mode());
    }

    @ParameterizedTest(name = "{0} needs a decision ({1})")
    @CsvSource({"subnets, L5, azure-load-balancer-internal-subnet", "eip-allocations, L6, azure-pip-name",
            "private-ipv4-addresses, L7, azure-load-balancer-ipv4", "ssl-cert, L9, TLS", "proxy-protocol, L16, Private Link",
            "some-future-setting, L20, does not know"})
    void settingsThatNeedAPersonAreKeptAndReported(String suffix, String rule, String advice) {
        ConversionResult result = convert(AWS + suffix + ": x", "");

        assertTrue(annotationsOf(result).has(AWS + suffix), "a pending decision leaves the setting in place");
        Change decision = Conversions.changes(result, rule).stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertTrue(decision.reason().contains(advice), decision.reason());
    }

    @Test
    void loadBalancerIpMovesToTheAzureAnnotation() {
        JsonNode service = Conversions.output(convert(AWS + "scheme: internet-facing", "loadBalancerIP: 10.1.2.3")).get(0);
        assertTrue(service.at("/spec/loadBalancerIP").isMissingNode());
        assertEquals("10.1.2.3", service.at("/metadata/annotations").path("service.beta.kubernetes.io/azure-load-balancer-ipv4").asText());
    }

    @Test
    void theAwsLoadBalancerClassIsRemovedWithAWarning() {
        ConversionResult result = convert("{}", "loadBalancerClass: service.k8s.aws/nlb");
        assertTrue(Conversions.output(result).get(0).at("/spec/loadBalancerClass").isMissingNode());
        assertEquals(RuleMode.AUTO_WARN, Conversions.changes(result, "L1").get(0).mode());
    }

    /**
     * Source ranges need no decision: AKS's cloud provider turns spec.loadBalancerSourceRanges, and the older
     * service.beta.kubernetes.io/load-balancer-source-ranges annotation, into the load balancer's NSG rules, as the
     * AWS cloud provider and Load Balancer Controller do with security group rules, internal or public alike.
     */
    @ParameterizedTest(name = "{0}: source ranges survive unchanged and raise nothing")
    @CsvSource(delimiter = '|', value = {
            "scheme: internal|true",
            "scheme: internet-facing|false",
            "internal: \"true\"|true"})
    void sourceRangesAreCarriedAsTheyAre(String scheme, boolean internal) {
        ConversionResult result = convert(AWS + scheme + "\n"
                        + AWS + "nlb-target-type: ip\n"
                        + "service.beta.kubernetes.io/load-balancer-source-ranges: \"203.0.113.0/24,198.51.100.7/32\"",
                "loadBalancerClass: service.k8s.aws/nlb\nloadBalancerSourceRanges: [10.0.0.0/8, 192.168.10.0/24]");
        JsonNode service = Conversions.output(result).get(0);
        assertEquals(List.of("10.0.0.0/8", "192.168.10.0/24"),
                List.of(service.at("/spec/loadBalancerSourceRanges/0").asText(), service.at("/spec/loadBalancerSourceRanges/1").asText()));
        assertEquals(2, service.at("/spec/loadBalancerSourceRanges").size());
        assertEquals("203.0.113.0/24,198.51.100.7/32",
                service.at("/metadata/annotations").path("service.beta.kubernetes.io/load-balancer-source-ranges").asText());
        assertEquals(internal ? "true" : "", service.at("/metadata/annotations")
                .path(LoadBalancerServiceRule.AZURE_INTERNAL).asText(), "internal stays internal, public stays public");
        List<Change> touching = result.changes().stream().map(c -> c.change())
                .filter(c -> c.path().toLowerCase(java.util.Locale.ROOT).contains("sourcerange")
                        || c.path().contains("source-ranges")).toList();
        assertTrue(touching.isEmpty(), touching.toString());
    }

    @Test
    void servicesThatAreNotLoadBalancersAreLeftAlone() {
        ConversionResult result = Conversions.convert("apiVersion: v1\nkind: Service\nmetadata: {name: a, annotations: {"
                + AWS + "scheme: internal}}\nspec: {type: ClusterIP, ports: [{port: 80}]}\n", MigrationMapping.defaults());
        assertEquals(List.of(), result.changes());
    }
}
