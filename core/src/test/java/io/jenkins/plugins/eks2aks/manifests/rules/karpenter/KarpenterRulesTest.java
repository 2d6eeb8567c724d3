package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.rules.RulesOnObjects;
import io.jenkins.plugins.eks2aks.manifests.rules.RulesOnObjects.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Karpenter family (catalog §6.2: KP1–KP3, with §6.1 S10 for requirement keys), one case per behaviour. */
class KarpenterRulesTest {

    static final String NODE_CLASS = """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: default}
            spec:
              amiFamily: AL2023
              amiSelectorTerms: [{alias: al2023@latest}]
              role: KarpenterNodeRole-shop
              subnetSelectorTerms: [{tags: {karpenter.sh/discovery: shop}}]
              securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: shop}}]
              userData: |
                echo hello
              blockDeviceMappings:
              - deviceName: /dev/xvda
                rootVolume: true
                ebs: {volumeSize: 100Gi, volumeType: gp3}
              kubelet: {maxPods: 110, imageGCHighThresholdPercent: 85, evictionHard: {memory.available: 5%}}
              tags: {team: shop, karpenter.sh/discovery: shop}
            """;

    static String nodePool(String requirements) {
        return """
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: general}
                spec:
                  template:
                    spec:
                      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                      expireAfter: 720h
                      requirements:
                """ + requirements.indent(8) + """
                  disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 1m}
                  limits: {cpu: "1000"}
                """;
    }

    private static final String REF = "NodePool general: KP1 AUTO replace /spec/template/spec/nodeClassRef "
            + "{\"group\":\"karpenter.azure.com\",\"kind\":\"AKSNodeClass\",\"name\":\"default\"}";
    private static final String REQ = "NodePool general: KP1 %s replace /spec/template/spec/requirements/%d %s";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a v1 NodePool points at the AKSNodeClass of the same name and keeps capacity type and "
                        + "architecture", "", nodePool("""
                        - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
                        - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                        """), List.of(REF)),
                Arguments.of("EC2 categories, families, generations and sizes become Azure families, versions and vCPU "
                        + "counts, with a warning", "", nodePool("""
                        - {key: karpenter.k8s.aws/instance-category, operator: In, values: [m, c, r]}
                        - {key: eks.amazonaws.com/instance-family, operator: In, values: [m5, r6g, m6i]}
                        - {key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["4"]}
                        - {key: karpenter.k8s.aws/instance-size, operator: In, values: [large, 2xlarge, metal], minValues: 2}
                        """), List.of(REF,
                        REQ.formatted("AUTO_WARN", 0, "{\"key\":\"karpenter.azure.com/sku-family\",\"operator\":\"In\",\"values\":[\"D\",\"F\",\"E\"]}"),
                        REQ.formatted("AUTO_WARN", 1, "{\"key\":\"karpenter.azure.com/sku-family\",\"operator\":\"In\",\"values\":[\"D\",\"E\"]}"),
                        REQ.formatted("AUTO_WARN", 2, "{\"key\":\"karpenter.azure.com/sku-version\",\"operator\":\"Gt\",\"values\":[\"4\"]}"),
                        REQ.formatted("AUTO_WARN", 3, "{\"key\":\"karpenter.azure.com/sku-cpu\",\"operator\":\"In\",\"values\":[\"2\",\"8\"],\"minValues\":2}"))),
                Arguments.of("CPU, memory and GPU requirements keep their values under the Azure labels; GPU names are "
                        + "upper case", "", nodePool("""
                        - {key: karpenter.k8s.aws/instance-cpu, operator: In, values: ["4", "8"]}
                        - {key: karpenter.k8s.aws/instance-memory, operator: Gt, values: ["16383"]}
                        - {key: karpenter.k8s.aws/instance-gpu-name, operator: In, values: [t4, a100]}
                        """), List.of(REF,
                        REQ.formatted("AUTO", 0, "{\"key\":\"karpenter.azure.com/sku-cpu\",\"operator\":\"In\",\"values\":[\"4\",\"8\"]}"),
                        REQ.formatted("AUTO", 1, "{\"key\":\"karpenter.azure.com/sku-memory\",\"operator\":\"Gt\",\"values\":[\"16383\"]}"),
                        REQ.formatted("AUTO_WARN", 2, "{\"key\":\"karpenter.azure.com/sku-gpu-name\",\"operator\":\"In\",\"values\":[\"T4\",\"A100\"]}"))),
                Arguments.of("EC2 properties Azure has no label for are dropped, and a category without an Azure family "
                        + "drops its requirement with a warning", "", nodePool("""
                        - {key: karpenter.k8s.aws/instance-hypervisor, operator: In, values: [nitro]}
                        - {key: topology.k8s.aws/zone-id, operator: In, values: [use1-az1]}
                        - {key: karpenter.k8s.aws/instance-category, operator: In, values: [z]}
                        - {key: karpenter.k8s.aws/capacity-reservation-id, operator: Exists}
                        """), List.of(REF,
                        "NodePool general: KP1 DROP remove /spec/template/spec/requirements/0",
                        "NodePool general: KP1 DROP remove /spec/template/spec/requirements/1",
                        "NodePool general: KP1 AUTO_WARN remove /spec/template/spec/requirements/2",
                        "NodePool general: KP1 DROP remove /spec/template/spec/requirements/3")),
                Arguments.of("AWS zones need the zones map; known EC2 instance types become Azure VM sizes, unknown ones are a decision", "", nodePool("""
                        - {key: topology.kubernetes.io/zone, operator: In, values: [us-east-1a]}
                        - {key: node.kubernetes.io/instance-type, operator: In, values: [m5.large]}
                        - {key: node.kubernetes.io/instance-type, operator: In, values: [x9.huge]}
                        """), List.of(REF,
                        REQ.formatted("AUTO_WARN", 1, "{\"key\":\"node.kubernetes.io/instance-type\",\"operator\":\"In\",\"values\":[\"Standard_D2s_v5\"]}"),
                        "NodePool general: KP1 HUMAN /spec/template/spec/requirements/0",
                        "NodePool general: KP1 HUMAN /spec/template/spec/requirements/2")),
                Arguments.of("with the zones map AWS zones become AKS zones", "zones: {us-east-1a: eastus-1}", nodePool("""
                        - {key: topology.kubernetes.io/zone, operator: In, values: [us-east-1a]}
                        """), List.of(REF,
                        REQ.formatted("AUTO", 0, "{\"key\":\"topology.kubernetes.io/zone\",\"operator\":\"In\",\"values\":[\"eastus-1\"]}"))),
                Arguments.of("an EC2NodeClass is a decision until the node image family is chosen", "", NODE_CLASS, List.of(
                        "EC2NodeClass default: KP2 HUMAN /spec")),
                Arguments.of("with karpenter.imageFamily an EC2NodeClass becomes an AKSNodeClass with its OS disk size, "
                        + "max pods, the kubelet settings AKS knows and tags Azure allows", "karpenter: {imageFamily: AzureLinux}",
                        NODE_CLASS, List.of(
                        "EC2NodeClass default: KP2 AUTO replace /apiVersion karpenter.azure.com/v1beta1",
                        "EC2NodeClass default: KP2 AUTO replace /kind AKSNodeClass",
                        "EC2NodeClass default: KP2 AUTO_WARN replace /spec {\"imageFamily\":\"AzureLinux\",\"osDiskSizeGB\":100,"
                                + "\"maxPods\":110,\"kubelet\":{\"imageGCHighThresholdPercent\":85},\"tags\":{\"team\":\"shop\"}}")),
                Arguments.of("a Windows EC2NodeClass is a decision: NAP has no Windows nodes", "karpenter: {imageFamily: Ubuntu}",
                        NODE_CLASS.replace("AL2023", "Windows2022"), List.of(
                        "EC2NodeClass default: KP2 HUMAN /spec/amiFamily")),
                Arguments.of("Karpenter APIs before v1 are a decision to upgrade them first", "", """
                        apiVersion: karpenter.sh/v1alpha5
                        kind: Provisioner
                        metadata: {name: old}
                        ---
                        apiVersion: karpenter.sh/v1beta1
                        kind: NodePool
                        metadata: {name: beta}
                        ---
                        apiVersion: karpenter.k8s.aws/v1beta1
                        kind: EC2NodeClass
                        metadata: {name: beta}
                        ---
                        apiVersion: karpenter.k8s.aws/v1alpha1
                        kind: AWSNodeTemplate
                        metadata: {name: old}
                        """, List.of(
                        "Provisioner old: KP3 HUMAN /apiVersion",
                        "NodePool beta: KP3 HUMAN /apiVersion",
                        "EC2NodeClass beta: KP3 HUMAN /apiVersion",
                        "AWSNodeTemplate old: KP3 HUMAN /apiVersion")),
                Arguments.of("a NodePool already on AKS is not touched", "", nodePool("- {key: karpenter.azure.com/sku-family, "
                        + "operator: In, values: [D]}\n").replace("group: karpenter.k8s.aws, kind: EC2NodeClass",
                        "group: karpenter.azure.com, kind: AKSNodeClass"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsKarpenter(String name, String mapping, String manifests, List<String> expected) {
        assertEquals(RulesOnObjects.sorted(expected), RulesOnObjects.sorted(RulesOnObjects.describe(run(mapping, manifests))));
    }

    static Stream<Arguments> findings() {
        return Stream.of(
                Arguments.of("an EC2NodeClass names karpenter.imageFamily", NODE_CLASS, "karpenter.imageFamily",
                        "karpenter: {imageFamily: Ubuntu}"),
                Arguments.of("an AWS zone in a NodePool names zones.<zone>", nodePool("- {key: topology.kubernetes.io/zone, "
                        + "operator: In, values: [us-east-1b]}\n"), "zones.us-east-1b", "zones: {us-east-1b: eastus-2}"));
    }

    @ParameterizedTest(name = "{0}, and giving that key applies the change")
    @MethodSource("findings")
    void everyFindingNamesTheKeyThatResolvesIt(String name, String manifests, String key, String resolving) {
        List<Change> findings = RulesOnObjects.findings(run("", manifests));
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).reason().contains(key), findings.get(0).reason());
        List<Seen> after = run(resolving, manifests);
        assertEquals(List.of(), RulesOnObjects.findings(after));
        assertTrue(after.stream().anyMatch(s -> s.change().mode().applies()));
    }

    @Test
    void neverModifiesTheObjectsItIsGiven() {
        RulesOnObjects.assertNeverModifiesItsInput(KarpenterRulesTest::rules, NODE_CLASS + "---\n" + nodePool("""
                - {key: karpenter.k8s.aws/instance-family, operator: In, values: [m5]}
                - {key: topology.kubernetes.io/zone, operator: In, values: [us-east-1a]}
                """), "", "karpenter: {imageFamily: AzureLinux}\nzones: {us-east-1a: eastus-1}");
    }

    @Test
    void ec2FamiliesMapByTheirCategoryLetter() {
        assertEquals("D", InstanceRequirement.familyOf("m7i-flex").orElseThrow());
        assertEquals("F", InstanceRequirement.familyOf("c6gn").orElseThrow());
        assertEquals("N", InstanceRequirement.familyOf("g5").orElseThrow());
        assertTrue(InstanceRequirement.familyOf("inf2").isEmpty());
        assertEquals("48", InstanceRequirement.cpusOf("12xlarge").orElseThrow());
        assertTrue(InstanceRequirement.cpusOf("medium").isEmpty());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static List<ConversionRule> rules(RuleContext context) {
        return List.of(new NodePoolRule(context), new Ec2NodeClassRule(context), new LegacyKarpenterRule());
    }

    private static List<Seen> run(String mapping, String manifests) {
        return RulesOnObjects.run(KarpenterRulesTest::rules, mapping, manifests);
    }
}
