package io.jenkins.plugins.eks2aks.manifests.rules;

import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcrImageRuleTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final EcrImageRule RULE = new EcrImageRule(RegistryMap.of(List.of(), "contoso.azurecr.io"));

    private static final String POD_SPEC = """
            initContainers:
            - name: init
              image: %1$s/shop/migrations:1
            containers:
            - name: app
              image: %1$s/shop/app:2
            - name: sidecar
              image: public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2
            ephemeralContainers:
            - name: debug
              image: %1$s/tools/debug:3
            """.formatted(ECR);

    static Stream<Arguments> podBearingKinds() {
        String template = "template:\n  metadata: {labels: {app: x}}\n  spec:\n" + indent(POD_SPEC, 4);
        return Stream.of(
                Arguments.of("Pod", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + indent(POD_SPEC, 2), "/spec"),
                Arguments.of("Deployment", workload("apps/v1", "Deployment", template), "/spec/template/spec"),
                Arguments.of("StatefulSet", workload("apps/v1", "StatefulSet", template), "/spec/template/spec"),
                Arguments.of("DaemonSet", workload("apps/v1", "DaemonSet", template), "/spec/template/spec"),
                Arguments.of("ReplicaSet", workload("apps/v1", "ReplicaSet", template), "/spec/template/spec"),
                Arguments.of("ReplicationController", workload("v1", "ReplicationController", template), "/spec/template/spec"),
                Arguments.of("Job", workload("batch/v1", "Job", template), "/spec/template/spec"),
                Arguments.of("CronJob batch/v1", workload("batch/v1", "CronJob",
                        "schedule: '0 2 * * *'\njobTemplate:\n  spec:\n" + indent(template, 4)), "/spec/jobTemplate/spec/template/spec"),
                Arguments.of("CronJob batch/v1beta1", workload("batch/v1beta1", "CronJob",
                        "schedule: '0 2 * * *'\njobTemplate:\n  spec:\n" + indent(template, 4)), "/spec/jobTemplate/spec/template/spec"),
                Arguments.of("a custom resource with a pod template", workload("example.com/v1", "Worker", template), "/spec/template/spec"));
    }

    @ParameterizedTest(name = "rewrites ECR images of init, regular and ephemeral containers of a {0}")
    @MethodSource("podBearingKinds")
    void rewritesEveryContainerListOfEveryPodBearingKind(String kind, String yaml, String podSpec) {
        List<Change> changes = RULE.apply(Manifests.object(yaml));

        assertEquals(List.of(
                podSpec + "/initContainers/0/image",
                podSpec + "/containers/0/image",
                podSpec + "/ephemeralContainers/0/image"), changes.stream().map(Change::path).toList());
        assertEquals(List.of("contoso.azurecr.io/shop/migrations:1", "contoso.azurecr.io/shop/app:2",
                "contoso.azurecr.io/tools/debug:3"), changes.stream().map(c -> c.after().asText()).toList());
        changes.forEach(c -> {
            assertEquals("replace", c.op());
            assertEquals("I1", c.ruleId());
            assertEquals(RuleMode.AUTO, c.mode());
            assertTrue(c.before().asText().startsWith(ECR), c.before().asText());
        });
    }

    @Test
    void leavesEcrPublicAndOtherRegistriesAlone() {
        KubeObject pod = Manifests.object("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: public.ecr.aws/nginx/nginx:1.27}
                  - {name: b, image: postgres:16}
                  - {name: c, image: contoso.azurecr.io/x:1}
                """);
        assertEquals(List.of(), RULE.apply(pod));
    }

    @Test
    void objectsWithoutPodsAreNotItsConcern() {
        KubeObject service = Manifests.object("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");
        assertFalse(RULE.appliesTo(service));
        KubeObject configMap = Manifests.object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {image: " + ECR + "/x:1}\n");
        assertFalse(RULE.appliesTo(configMap));
    }

    @Test
    void anEcrRegistryWithoutTargetIsAFindingThatNamesTheFlag() {
        EcrImageRule rule = new EcrImageRule(RegistryMap.of(List.of("210987654321.dkr.ecr.eu-west-1.amazonaws.com=contoso.azurecr.io"), null));
        List<Change> changes = rule.apply(Manifests.object(
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: app, image: " + ECR + "/shop/app:2}\n"));

        assertEquals(1, changes.size());
        Change finding = changes.get(0);
        assertEquals(RuleMode.HUMAN, finding.mode());
        assertNull(finding.op());
        assertNull(finding.after());
        assertEquals("No ACR target for ECR registry " + ECR + " (image of container 'app'): set acr in eks2aks.yaml, or "
                + "registries.\"" + ECR + "\": <acr>.azurecr.io in eks2aks.yaml", finding.reason());
        assertEquals(List.of("acr", "registries.\"" + ECR + "\""), finding.mappingKeys(), "the mapping file's keys, not options");
    }

    private static Change findingIn(FrontEndNames names) {
        EcrImageRule rule = new EcrImageRule(RegistryMap.of(List.of(), null), InputIndex.empty(), names);
        return rule.apply(Manifests.object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                + "  - {name: app, image: " + ECR + "/shop/app:2}\n")).get(0);
    }

    @Test
    void theFindingNamesTheCommandLinesOptions() {
        Change finding = findingIn(FrontEndNames.CLI);
        assertTrue(finding.reason().endsWith(": set acr in eks2aks.yaml (or --acr), or registries.\"" + ECR + "\": <acr>.azurecr.io "
                + "in eks2aks.yaml (or --registry-map " + ECR + "=<acr>.azurecr.io)"), finding.reason());
        assertEquals(List.of("acr", "registries.\"" + ECR + "\""), finding.mappingKeys());
    }

    @Test
    void theFindingNamesTheStepsParameters() {
        Change finding = findingIn(FrontEndNames.STEPS);
        assertTrue(finding.reason().endsWith(": set acr in eks2aks.yaml (or 'acr'), or registries.\"" + ECR + "\": <acr>.azurecr.io "
                + "in eks2aks.yaml (or 'registryMap' " + ECR + "=<acr>.azurecr.io)"), finding.reason());
        assertFalse(finding.reason().contains("--"), finding.reason());
        assertEquals(List.of("acr", "registries.\"" + ECR + "\""), finding.mappingKeys());
    }

    @Test
    void neverModifiesTheObjectItIsGiven() {
        KubeObject pod = Manifests.object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + indent(POD_SPEC, 2));
        String before = pod.object().toString();
        RULE.apply(pod);
        assertEquals(before, pod.object().toString());
    }

    private static String workload(String apiVersion, String kind, String specBody) {
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: w, namespace: shop}\nspec:\n" + indent(specBody, 2);
    }

    private static String indent(String text, int spaces) {
        return text.indent(spaces);
    }
}
