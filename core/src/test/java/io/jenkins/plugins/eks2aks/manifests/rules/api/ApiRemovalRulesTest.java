package io.jenkins.plugins.eks2aks.manifests.rules.api;

import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
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

/** The API removal family (catalog §8.1; rules API1–API14), one case per behaviour. */
class ApiRemovalRulesTest {

    private static final String OLD_INGRESS = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              backend: {serviceName: web, servicePort: 80}
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /api
                    backend: {serviceName: api, servicePort: http}
                  - path: /
                    pathType: Prefix
                    backend: {serviceName: web, servicePort: "8080"}
            """;
    private static final String WEBHOOK = """
            apiVersion: admissionregistration.k8s.io/v1beta1
            kind: ValidatingWebhookConfiguration
            metadata: {name: policy}
            webhooks:
            - name: check.example.com
              clientConfig: {service: {name: policy, namespace: policy}}
            - name: mutate.example.com
              sideEffects: None
              admissionReviewVersions: [v1, v1beta1]
              failurePolicy: Fail
              matchPolicy: Equivalent
              timeoutSeconds: 5
              clientConfig: {service: {name: policy, namespace: policy}}
            """;
    private static final String V2BETA1_HPA = """
            apiVersion: autoscaling/v2beta1
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, targetAverageUtilization: 70}
              - type: Resource
                resource: {name: memory, targetAverageValue: 500Mi}
              - type: Pods
                pods: {metricName: requests_per_second, targetAverageValue: "100"}
              - type: Object
                object:
                  target: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: shop}
                  metricName: hits
                  targetValue: 2k
              - type: External
                external:
                  metricName: queue_depth
                  metricSelector: {matchLabels: {queue: orders}}
                  targetAverageValue: "30"
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an extensions/v1beta1 Ingress moves to networking.k8s.io/v1 with v1 backends, a default "
                        + "backend and ImplementationSpecific where no pathType was given", "", OLD_INGRESS, List.of(
                        "Ingress shop: API1 AUTO replace /apiVersion networking.k8s.io/v1",
                        "Ingress shop: API1 AUTO remove /spec/backend",
                        "Ingress shop: API1 AUTO add /spec/defaultBackend {\"service\":{\"name\":\"web\",\"port\":{\"number\":80}}}",
                        "Ingress shop: API1 AUTO replace /spec/rules/0/http/paths/0/backend {\"service\":{\"name\":\"api\",\"port\":{\"name\":\"http\"}}}",
                        "Ingress shop: API1 AUTO add /spec/rules/0/http/paths/0/pathType ImplementationSpecific",
                        "Ingress shop: API1 AUTO replace /spec/rules/0/http/paths/1/backend {\"service\":{\"name\":\"web\",\"port\":{\"number\":8080}}}")),
                Arguments.of("a networking.k8s.io/v1beta1 Ingress keeps resource backends as they are", "", """
                        apiVersion: networking.k8s.io/v1beta1
                        kind: Ingress
                        metadata: {name: assets}
                        spec:
                          rules:
                          - http:
                              paths:
                              - path: /static
                                pathType: Prefix
                                backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}
                        """, List.of(
                        "Ingress assets: API1 AUTO replace /apiVersion networking.k8s.io/v1")),
                Arguments.of("a batch/v1beta1 CronJob moves to batch/v1", "", "apiVersion: batch/v1beta1\nkind: CronJob\n"
                        + "metadata: {name: report}\nspec: {schedule: '0 2 * * *'}\n", List.of(
                        "CronJob report: API2 AUTO replace /apiVersion batch/v1")),
                Arguments.of("an autoscaling/v2beta2 HPA moves to autoscaling/v2 unchanged", "", "apiVersion: autoscaling/v2beta2\n"
                        + "kind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec: {maxReplicas: 3}\n", List.of(
                        "HorizontalPodAutoscaler web: API3 AUTO replace /apiVersion autoscaling/v2")),
                Arguments.of("an autoscaling/v2beta1 HPA moves to autoscaling/v2 with every metric target in the v2 shape",
                        "", V2BETA1_HPA, List.of(
                        "HorizontalPodAutoscaler web: API3 AUTO replace /apiVersion autoscaling/v2",
                        "HorizontalPodAutoscaler web: API3 AUTO replace /spec/metrics/0 {\"type\":\"Resource\",\"resource\":"
                                + "{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":70}}}",
                        "HorizontalPodAutoscaler web: API3 AUTO replace /spec/metrics/1 {\"type\":\"Resource\",\"resource\":"
                                + "{\"name\":\"memory\",\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"500Mi\"}}}",
                        "HorizontalPodAutoscaler web: API3 AUTO replace /spec/metrics/2 {\"type\":\"Pods\",\"pods\":{\"metric\":"
                                + "{\"name\":\"requests_per_second\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"100\"}}}",
                        "HorizontalPodAutoscaler web: API3 AUTO replace /spec/metrics/3 {\"type\":\"Object\",\"object\":"
                                + "{\"describedObject\":{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"name\":\"shop\"},"
                                + "\"metric\":{\"name\":\"hits\"},\"target\":{\"type\":\"Value\",\"value\":\"2k\"}}}",
                        "HorizontalPodAutoscaler web: API3 AUTO replace /spec/metrics/4 {\"type\":\"External\",\"external\":"
                                + "{\"metric\":{\"name\":\"queue_depth\",\"selector\":{\"matchLabels\":{\"queue\":\"orders\"}}},"
                                + "\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"30\"}}}")),
                Arguments.of("a policy/v1beta1 PDB with a selector moves to policy/v1; one with an empty selector moves "
                        + "with a warning, since it now selects every pod", "", """
                        apiVersion: policy/v1beta1
                        kind: PodDisruptionBudget
                        metadata: {name: web}
                        spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
                        ---
                        apiVersion: policy/v1beta1
                        kind: PodDisruptionBudget
                        metadata: {name: all}
                        spec: {maxUnavailable: 1, selector: {}}
                        """, List.of(
                        "PodDisruptionBudget web: API4 AUTO replace /apiVersion policy/v1",
                        "PodDisruptionBudget all: API4 AUTO_WARN replace /apiVersion policy/v1")),
                Arguments.of("a PodSecurityPolicy is left out", "", "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\n"
                        + "metadata: {name: restricted}\nspec: {privileged: false}\n", List.of(
                        "PodSecurityPolicy restricted: API5 EXCLUDE")),
                Arguments.of("a discovery.k8s.io/v1beta1 EndpointSlice moves to v1 with nodeName and a mapped zone",
                        "zones: {us-east-1a: eastus-1}", """
                        apiVersion: discovery.k8s.io/v1beta1
                        kind: EndpointSlice
                        metadata: {name: external}
                        addressType: IPv4
                        endpoints:
                        - addresses: [10.0.0.5]
                          topology: {kubernetes.io/hostname: ip-10-0-0-5, topology.kubernetes.io/zone: us-east-1a}
                        """, List.of(
                        "EndpointSlice external: API6 AUTO replace /apiVersion discovery.k8s.io/v1",
                        "EndpointSlice external: API6 AUTO remove /endpoints/0/topology",
                        "EndpointSlice external: API6 AUTO_WARN add /endpoints/0/nodeName ip-10-0-0-5",
                        "EndpointSlice external: API6 AUTO add /endpoints/0/zone eastus-1")),
                Arguments.of("flow-control objects move to v1 and assuredConcurrencyShares becomes nominalConcurrencyShares",
                        "", """
                        apiVersion: flowcontrol.apiserver.k8s.io/v1beta2
                        kind: PriorityLevelConfiguration
                        metadata: {name: batch}
                        spec:
                          type: Limited
                          limited: {assuredConcurrencyShares: 10, limitResponse: {type: Reject}}
                        ---
                        apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
                        kind: FlowSchema
                        metadata: {name: batch}
                        spec: {priorityLevelConfiguration: {name: batch}}
                        """, List.of(
                        "PriorityLevelConfiguration batch: API7 AUTO replace /apiVersion flowcontrol.apiserver.k8s.io/v1",
                        "PriorityLevelConfiguration batch: API7 AUTO remove /spec/limited/assuredConcurrencyShares",
                        "PriorityLevelConfiguration batch: API7 AUTO add /spec/limited/nominalConcurrencyShares 10",
                        "FlowSchema batch: API7 AUTO replace /apiVersion flowcontrol.apiserver.k8s.io/v1")),
                Arguments.of("a v1beta3 priority level whose 0 meant the default drops it on v1 to keep 30", "", """
                        apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
                        kind: PriorityLevelConfiguration
                        metadata: {name: zero}
                        spec: {type: Limited, limited: {nominalConcurrencyShares: 0}}
                        """, List.of(
                        "PriorityLevelConfiguration zero: API7 AUTO replace /apiVersion flowcontrol.apiserver.k8s.io/v1",
                        "PriorityLevelConfiguration zero: API7 AUTO remove /spec/limited/nominalConcurrencyShares")),
                Arguments.of("before AKS 1.29 flow-control objects move to v1beta3, the newest version served",
                        "targetAksVersion: \"1.27\"", "apiVersion: flowcontrol.apiserver.k8s.io/v1beta1\nkind: FlowSchema\n"
                                + "metadata: {name: batch}\n", List.of(
                        "FlowSchema batch: API7 AUTO replace /apiVersion flowcontrol.apiserver.k8s.io/v1beta3")),
                Arguments.of("a storage.k8s.io/v1beta1 CSIStorageCapacity moves to v1", "", "apiVersion: storage.k8s.io/v1beta1\n"
                        + "kind: CSIStorageCapacity\nmetadata: {name: cap}\nstorageClassName: gp3\n", List.of(
                        "CSIStorageCapacity cap: API8 AUTO replace /apiVersion storage.k8s.io/v1")),
                Arguments.of("old workload APIs move to apps/v1 with the selector they defaulted to, and the OnDelete "
                        + "updates they defaulted to", "", """
                        apiVersion: extensions/v1beta1
                        kind: Deployment
                        metadata: {name: web}
                        spec:
                          template:
                            metadata: {labels: {app: web}}
                            spec: {containers: [{name: web, image: web:1}]}
                        ---
                        apiVersion: extensions/v1beta1
                        kind: DaemonSet
                        metadata: {name: agent}
                        spec:
                          selector: {matchLabels: {app: agent}}
                          template:
                            metadata: {labels: {app: agent}}
                            spec: {containers: [{name: agent, image: agent:1}]}
                        ---
                        apiVersion: apps/v1beta2
                        kind: StatefulSet
                        metadata: {name: db}
                        spec:
                          selector: {matchLabels: {app: db}}
                          template:
                            metadata: {labels: {app: db}}
                            spec: {containers: [{name: db, image: db:1}]}
                        """, List.of(
                        "Deployment web: API9 AUTO_WARN replace /apiVersion apps/v1",
                        "Deployment web: API9 AUTO_WARN add /spec/selector {\"matchLabels\":{\"app\":\"web\"}}",
                        "DaemonSet agent: API9 AUTO replace /apiVersion apps/v1",
                        "DaemonSet agent: API9 AUTO_WARN add /spec/updateStrategy {\"type\":\"OnDelete\"}",
                        "StatefulSet db: API9 AUTO replace /apiVersion apps/v1")),
                Arguments.of("admission webhooks move to v1 with every v1beta1 default written out; a missing sideEffects "
                        + "is a decision", "", WEBHOOK, List.of(
                        "ValidatingWebhookConfiguration policy: API10 AUTO replace /apiVersion admissionregistration.k8s.io/v1",
                        "ValidatingWebhookConfiguration policy: API10 AUTO_WARN add /webhooks/0/admissionReviewVersions [\"v1beta1\"]",
                        "ValidatingWebhookConfiguration policy: API10 HUMAN /webhooks/0",
                        "ValidatingWebhookConfiguration policy: API10 AUTO_WARN add /webhooks/0/failurePolicy Ignore",
                        "ValidatingWebhookConfiguration policy: API10 AUTO add /webhooks/0/matchPolicy Exact",
                        "ValidatingWebhookConfiguration policy: API10 AUTO add /webhooks/0/timeoutSeconds 30")),
                Arguments.of("a v1beta1 CustomResourceDefinition is a decision: v1 needs a structural schema", "",
                        "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n",
                        List.of("CustomResourceDefinition widgets.example.com: API11 HUMAN /apiVersion")),
                Arguments.of("removed APIs with the same fields only change their apiVersion", "", """
                        apiVersion: rbac.authorization.k8s.io/v1beta1
                        kind: ClusterRole
                        metadata: {name: reader}
                        ---
                        apiVersion: networking.k8s.io/v1beta1
                        kind: IngressClass
                        metadata: {name: nginx}
                        ---
                        apiVersion: extensions/v1beta1
                        kind: NetworkPolicy
                        metadata: {name: deny}
                        ---
                        apiVersion: scheduling.k8s.io/v1beta1
                        kind: PriorityClass
                        metadata: {name: high}
                        ---
                        apiVersion: storage.k8s.io/v1beta1
                        kind: StorageClass
                        metadata: {name: local}
                        provisioner: kubernetes.io/no-provisioner
                        """, List.of(
                        "ClusterRole reader: API12 AUTO replace /apiVersion rbac.authorization.k8s.io/v1",
                        "IngressClass nginx: API12 AUTO replace /apiVersion networking.k8s.io/v1",
                        "NetworkPolicy deny: API12 AUTO replace /apiVersion networking.k8s.io/v1",
                        "PriorityClass high: API12 AUTO replace /apiVersion scheduling.k8s.io/v1",
                        "StorageClass local: API12 AUTO replace /apiVersion storage.k8s.io/v1")),
                Arguments.of("an access review's spec.group becomes spec.groups", "", "apiVersion: authorization.k8s.io/v1beta1\n"
                        + "kind: SubjectAccessReview\nmetadata: {name: r}\nspec: {user: jane, group: [dev]}\n", List.of(
                        "SubjectAccessReview r: API13 AUTO replace /apiVersion authorization.k8s.io/v1",
                        "SubjectAccessReview r: API13 AUTO remove /spec/group",
                        "SubjectAccessReview r: API13 AUTO add /spec/groups [\"dev\"]")),
                Arguments.of("a CertificateSigningRequest gets v1beta1's usages and a decision for its signer", "",
                        "apiVersion: certificates.k8s.io/v1beta1\nkind: CertificateSigningRequest\nmetadata: {name: c}\n"
                                + "spec: {request: LS0t}\n", List.of(
                        "CertificateSigningRequest c: API14 AUTO replace /apiVersion certificates.k8s.io/v1",
                        "CertificateSigningRequest c: API14 AUTO_WARN add /spec/usages [\"digital signature\",\"key encipherment\"]",
                        "CertificateSigningRequest c: API14 HUMAN /spec/signerName")),
                Arguments.of("APIs the target still serves are left alone", "targetAksVersion: \"1.24\"", """
                        apiVersion: batch/v1beta1
                        kind: CronJob
                        metadata: {name: report}
                        ---
                        apiVersion: autoscaling/v2beta2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: web}
                        ---
                        apiVersion: policy/v1beta1
                        kind: PodSecurityPolicy
                        metadata: {name: psp}
                        """, List.of()),
                Arguments.of("objects on current APIs are not touched", "", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web}
                        spec: {selector: {matchLabels: {app: web}}}
                        ---
                        apiVersion: v1
                        kind: Endpoints
                        metadata: {name: legacy}
                        """, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsRemovedApis(String name, String mapping, String manifests, List<String> expected) {
        assertEquals(RulesOnObjects.sorted(expected), RulesOnObjects.sorted(RulesOnObjects.describe(run(mapping, manifests))));
    }

    @Test
    void aPodSecurityPolicyExclusionNamesThePodSecurityAdmissionLabelsAndALevel() {
        String reason = run("", "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n"
                + "spec: {privileged: true}\n").get(0).change().reason();
        for (String label : List.of("pod-security.kubernetes.io/enforce: privileged", "pod-security.kubernetes.io/audit",
                "pod-security.kubernetes.io/warn")) {
            assertTrue(reason.contains(label), reason);
        }
        assertEquals("restricted", PodSecurityPolicyRule.level(Manifests.object("apiVersion: policy/v1beta1\n"
                + "kind: PodSecurityPolicy\nmetadata: {name: p}\nspec: {runAsUser: {rule: MustRunAsNonRoot}, "
                + "requiredDropCapabilities: [ALL], allowPrivilegeEscalation: false}\n").at("/spec")));
        assertEquals("baseline", PodSecurityPolicyRule.level(Manifests.object("apiVersion: policy/v1beta1\n"
                + "kind: PodSecurityPolicy\nmetadata: {name: p}\nspec: {runAsUser: {rule: RunAsAny}}\n").at("/spec")));
    }

    @Test
    void decisionsSayWhatIsToDecideAndTheZonesKeyResolvesTheEndpointZone() {
        List<Change> webhook = RulesOnObjects.findings(run("", WEBHOOK));
        assertTrue(webhook.get(0).reason().contains("sideEffects None or NoneOnDryRun"), webhook.get(0).reason());

        String slice = "apiVersion: discovery.k8s.io/v1beta1\nkind: EndpointSlice\nmetadata: {name: s}\naddressType: IPv4\n"
                + "endpoints:\n- addresses: [10.0.0.5]\n  topology: {topology.kubernetes.io/zone: us-east-1c}\n";
        List<Change> zone = RulesOnObjects.findings(run("", slice));
        assertEquals(1, zone.size());
        assertTrue(zone.get(0).reason().contains("zones.us-east-1c"), zone.get(0).reason());
        List<Seen> resolved = run("zones: {us-east-1c: eastus-3}", slice);
        assertEquals(List.of(), RulesOnObjects.findings(resolved));
        assertTrue(RulesOnObjects.describe(resolved).contains("EndpointSlice s: API6 AUTO add /endpoints/0/zone eastus-3"));
    }

    /** Every row of the shared removal table is converted by exactly one rule of this family. */
    @Test
    void everyRemovedApiHasExactlyOneRule() {
        RuleContext future = RulesOnObjects.context("targetAksVersion: \"1.99\"", List.of());
        List<ConversionRule> rules = rules(future);
        for (ApiRemovals.Removal removal : ApiRemovals.all()) {
            if (removal.removedIn() == null) {
                continue;
            }
            List<String> kinds = removal.kinds().isEmpty() ? List.of("Deployment", "ControllerRevision", "Role")
                    : List.copyOf(removal.kinds());
            for (String kind : kinds) {
                KubeObject object = Manifests.object("apiVersion: " + removal.apiVersion() + "\nkind: " + kind + "\nmetadata: {name: x}\n");
                List<String> applying = rules.stream().filter(r -> r.appliesTo(object)).map(ConversionRule::id).toList();
                assertEquals(1, applying.size(), removal.apiVersion() + " " + kind + ": " + applying);
                List<Change> changes = rules.stream().filter(r -> r.appliesTo(object)).findFirst().orElseThrow().apply(object);
                assertTrue(!changes.isEmpty(), removal.apiVersion() + " " + kind);
                assertTrue(changes.stream().allMatch(c -> c.reason().contains("S24")), changes.toString());
                if (removal.replacementApiVersion().isEmpty()) {
                    assertTrue(changes.stream().anyMatch(c -> c.mode() == RuleMode.EXCLUDE), removal.toString());
                }
            }
        }
    }

    @Test
    void neverModifiesTheObjectsItIsGiven() {
        RulesOnObjects.assertNeverModifiesItsInput(ApiRemovalRulesTest::rules, OLD_INGRESS + "---\n" + WEBHOOK + "---\n"
                + V2BETA1_HPA + "---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: w}\nspec:\n"
                + "  template: {metadata: {labels: {a: b}}}\n", "", "targetAksVersion: \"1.27\"");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static List<ConversionRule> rules(RuleContext context) {
        return List.of(new IngressApiRule(context), VersionOnlyApiRule.cronJobs(context),
                new HorizontalPodAutoscalerApiRule(context), new PodDisruptionBudgetApiRule(context),
                new PodSecurityPolicyRule(context), new EndpointSliceApiRule(context), new FlowControlApiRule(context),
                VersionOnlyApiRule.csiStorageCapacities(context), new WorkloadApiRule(context),
                new AdmissionWebhookApiRule(context), new CustomResourceDefinitionApiRule(context),
                VersionOnlyApiRule.others(context), new AccessReviewApiRule(context),
                new CertificateSigningRequestApiRule(context));
    }

    private static List<Seen> run(String mapping, String manifests) {
        return RulesOnObjects.run(ApiRemovalRulesTest::rules, mapping, manifests);
    }
}
