package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.mapping.IngressTarget;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safety rule that must never regress: a Service or Ingress that is internal on EKS stays internal on AKS.
 * Every path that decides the scheme is a case here, and each converted object is judged by what AKS would do
 * with it ({@link #publicOnAks}), not by which annotations a rule wrote.
 */
class PrivateLoadBalancersStayPrivateTest {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";

    private static String service(String annotations, String spec) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: s
                  namespace: shop
                  annotations: {%s}
                spec:
                  type: LoadBalancer
                  %s
                  ports: [{port: 80}]
                """.formatted(annotations, spec);
    }

    @ParameterizedTest(name = "{0}: internal on EKS = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            LBC scheme internal                          | 'AWS_type: external, AWS_scheme: internal'                    | ''                                          | true
            LBC default scheme (type external)           | 'AWS_type: external'                                          | ''                                          | true
            LBC default scheme (type nlb-ip)             | 'AWS_type: nlb-ip'                                            | ''                                          | true
            LBC default scheme (loadBalancerClass only)  | ''                                                            | 'loadBalancerClass: service.k8s.aws/nlb'    | true
            EKS Auto Mode class                          | ''                                                            | 'loadBalancerClass: eks.amazonaws.com/nlb'  | true
            LBC scheme internet-facing                   | 'AWS_type: external, AWS_scheme: internet-facing'             | ''                                          | false
            deprecated internal flag true                | 'AWS_internal: "true"'                                        | ''                                          | true
            legacy in-tree internal flag as a CIDR       | 'AWS_internal: 0.0.0.0/0'                                     | ''                                          | true
            internal flag false                          | 'AWS_internal: "false"'                                       | ''                                          | false
            scheme and flag disagree                     | 'AWS_type: external, AWS_scheme: internet-facing, AWS_internal: "true"' | ''                               | true
            scheme in capitals                           | 'AWS_scheme: Internal'                                        | ''                                          | true
            in-tree NLB without flag                     | 'AWS_type: nlb'                                               | ''                                          | false
            in-tree classic ELB                          | ''                                                            | ''                                          | false
            already marked internal for Azure            | '"service.beta.kubernetes.io/azure-load-balancer-internal": "true", AWS_scheme: internal' | ''                | true
            """)
    void aServiceIsInternalOnAksExactlyWhenItWasInternalOnEks(String title, String annotations, String spec, boolean internal) {
        String yaml = service(annotations.replace("AWS_", AWS), spec);
        JsonNode converted = Conversions.single(yaml, MigrationMapping.defaults());

        assertEquals(internal, !publicOnAks(converted), converted.toString());
        assertFalse(converted.path("metadata").path("annotations").fieldNames().hasNext()
                && hasAnyKeyStartingWith(converted.at("/metadata/annotations"), AWS + "scheme"), "the AWS scheme annotation is gone");
    }

    static Stream<Arguments> ingresses() {
        List<Arguments> cases = new ArrayList<>();
        String[][] schemes = {{"no scheme annotation (ALB default)", "", "true"},
                {"scheme internal", "alb.ingress.kubernetes.io/scheme: internal", "true"},
                {"scheme internet-facing", "alb.ingress.kubernetes.io/scheme: internet-facing", "false"}};
        String[][] classes = {{"ingressClassName alb", "ingressClassName: alb", ""},
                {"legacy class annotation", "", "kubernetes.io/ingress.class: alb"},
                {"IngressClass with the ALB controller", "ingressClassName: company-alb", ""}};
        for (IngressTarget target : IngressTarget.values()) {
            for (String[] scheme : schemes) {
                for (String[] cls : classes) {
                    cases.add(Arguments.of(target, scheme[0] + ", " + cls[0], scheme[1], cls[1], cls[2], Boolean.parseBoolean(scheme[2])));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "target {0}, {1}: internal on EKS = {5}")
    @MethodSource("ingresses")
    void anAlbIngressIsNeverPublicOnAksWhenItWasInternalOnEks(IngressTarget target, String title, String scheme,
                                                             String classField, String classAnnotation, boolean internal) {
        String annotations = String.join(", ", Stream.of(scheme, classAnnotation).filter(s -> !s.isEmpty()).toList());
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: company-alb}
                spec: {controller: ingress.k8s.aws/alb}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: shop
                  annotations: {%s}
                spec:
                  %s
                  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
                """.formatted(annotations, classField);
        MigrationMapping mapping = MigrationMapping.defaults().withIngress(target);
        List<JsonNode> out = Conversions.output(Conversions.convert(yaml, mapping));
        JsonNode ingress = out.stream().filter(o -> o.path("kind").asText().equals("Ingress")).findFirst().orElseThrow();

        if (internal) {
            assertFalse(publicIngressOnAks(ingress, mapping), ingress.toString());
        } else {
            assertTrue(publicIngressOnAks(ingress, mapping) || target == IngressTarget.AGC, ingress.toString());
        }
    }

    private static final String RULES = "rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]";

    private static String ingressClass(String name, String controller, String paramsGroup, String paramsName, boolean isDefault) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: %s
                  annotations: {%s}
                spec:
                  controller: %s
                  %s
                ---
                """.formatted(name, isDefault ? "ingressclass.kubernetes.io/is-default-class: \"true\"" : "", controller,
                paramsName == null ? "" : "parameters: {apiGroup: %s, kind: IngressClassParams, name: %s}".formatted(paramsGroup, paramsName));
    }

    private static String params(String apiVersion, String name, String spec) {
        return """
                apiVersion: %s
                kind: IngressClassParams
                metadata: {name: %s}
                spec: {%s}
                ---
                """.formatted(apiVersion, name, spec);
    }

    private static String ingress(String name, String annotations, String className) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: %s
                  namespace: shop
                  annotations: {%s}
                spec:
                  %s
                  %s
                ---
                """.formatted(name, annotations, className.isEmpty() ? "" : "ingressClassName: " + className, RULES);
    }

    private static final String FACING = "alb.ingress.kubernetes.io/scheme: internet-facing";
    private static final String INTERNAL = "alb.ingress.kubernetes.io/scheme: internal";

    /** How the controller resolves the scheme: IngressClassParams, then the group, then the annotation, then internal. */
    static Stream<Arguments> schemeResolution() {
        String lbcInternal = ingressClass("internal-alb", "ingress.k8s.aws/alb", "elbv2.k8s.aws", "internal-params", false)
                + params("elbv2.k8s.aws/v1beta1", "internal-params", "scheme: internal");
        String autoModeInternal = ingressClass("auto-alb", "eks.amazonaws.com/alb", "eks.amazonaws.com", "auto-params", false)
                + params("eks.amazonaws.com/v1", "auto-params", "scheme: internal");
        String lbcFacing = ingressClass("public-alb", "ingress.k8s.aws/alb", "elbv2.k8s.aws", "public-params", false)
                + params("elbv2.k8s.aws/v1beta1", "public-params", "scheme: internet-facing");
        String noScheme = ingressClass("plain-alb", "ingress.k8s.aws/alb", "elbv2.k8s.aws", "plain-params", false)
                + params("elbv2.k8s.aws/v1beta1", "plain-params", "ipAddressType: ipv4");
        String grouped = ingressClass("grouped-alb", "ingress.k8s.aws/alb", "elbv2.k8s.aws", "grouped-params", false)
                + params("elbv2.k8s.aws/v1beta1", "grouped-params", "group: {name: shared}");
        List<Arguments> cases = new ArrayList<>();
        for (IngressTarget target : IngressTarget.values()) {
            cases.add(Arguments.of(target, "LBC IngressClassParams internal beats the annotation",
                    lbcInternal + ingress("shop", FACING, "internal-alb"), true));
            cases.add(Arguments.of(target, "EKS Auto Mode IngressClassParams internal beats the annotation",
                    autoModeInternal + ingress("shop", FACING, "auto-alb"), true));
            cases.add(Arguments.of(target, "default IngressClass with internal params, Ingress without a class",
                    ingressClass("default-alb", "eks.amazonaws.com/alb", "eks.amazonaws.com", "auto-params", true)
                            + params("eks.amazonaws.com/v1", "auto-params", "scheme: internal") + ingress("shop", FACING, ""), true));
            cases.add(Arguments.of(target, "IngressClassParams not in the input",
                    ingressClass("unseen-alb", "ingress.k8s.aws/alb", "elbv2.k8s.aws", "unseen", false) + ingress("shop", FACING, "unseen-alb"), true));
            cases.add(Arguments.of(target, "IngressClassParams internet-facing beats an internal annotation",
                    lbcFacing + ingress("shop", INTERNAL, "public-alb"), false));
            cases.add(Arguments.of(target, "IngressClassParams without a scheme: the annotation decides",
                    noScheme + ingress("shop", FACING, "plain-alb"), false));
            cases.add(Arguments.of(target, "group with conflicting schemes (the controller refuses it)",
                    ingress("shop", FACING + ", alb.ingress.kubernetes.io/group.name: g", "alb")
                            + ingress("other", INTERNAL + ", alb.ingress.kubernetes.io/group.name: g", "alb"), true));
            cases.add(Arguments.of(target, "group: a member without annotation takes the group's internal scheme",
                    ingress("shop", "alb.ingress.kubernetes.io/group.name: g", "alb")
                            + ingress("other", INTERNAL + ", alb.ingress.kubernetes.io/group.name: g", "alb"), true));
            cases.add(Arguments.of(target, "group: a member without annotation takes the group's internet-facing scheme",
                    ingress("shop", "alb.ingress.kubernetes.io/group.name: g", "alb")
                            + ingress("other", FACING + ", alb.ingress.kubernetes.io/group.name: g", "alb"), false));
            cases.add(Arguments.of(target, "group named by IngressClassParams, another member's class internal",
                    grouped + lbcInternal + ingress("shop", FACING, "grouped-alb")
                            + ingress("other", "alb.ingress.kubernetes.io/group.name: shared", "internal-alb"), true));
            cases.add(Arguments.of(target, "internet-facing with Cognito sign-in not yet replaced",
                    ingress("shop", FACING + ", alb.ingress.kubernetes.io/auth-type: cognito", "alb"), true));
            cases.add(Arguments.of(target, "internet-facing with OIDC sign-in not yet replaced",
                    ingress("shop", FACING + ", alb.ingress.kubernetes.io/auth-type: oidc", "alb"), true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "target {0}, {1}: internal = {3}")
    @MethodSource("schemeResolution")
    void theSchemeIsResolvedAsTheControllerResolvesItAndInternalStaysInternal(IngressTarget target, String title, String yaml,
                                                                              boolean internal) {
        MigrationMapping mapping = MigrationMapping.defaults().withIngress(target);
        ConversionResult result = Conversions.convert(yaml, mapping);
        JsonNode shop = Conversions.output(result).stream()
                .filter(o -> o.path("kind").asText().equals("Ingress") && o.at("/metadata/name").asText().equals("shop"))
                .findFirst().orElseThrow();

        if (internal) {
            assertFalse(publicIngressOnAks(shop, mapping), shop.toString());
        } else {
            assertTrue(publicIngressOnAks(shop, mapping) || target == IngressTarget.AGC, shop.toString());
        }
    }

    @Test
    void signInListedAsReplacedLetsAnInternetFacingIngressGoPublic() {
        String yaml = ingress("shop", FACING + ", alb.ingress.kubernetes.io/auth-type: oidc, alb.ingress.kubernetes.io/auth-idp-oidc: '{}'", "alb");
        MigrationMapping pending = MigrationMapping.defaults();
        ConversionResult before = Conversions.convert(yaml, pending);
        assertTrue(Conversions.changes(before, "N15").stream().anyMatch(c -> c.mode() == RuleMode.HUMAN
                && c.reason().contains("ingress.authHandled") && c.reason().contains("shop/shop")));

        MigrationMapping decided = MappingFile.parse("eks2aks.yaml", "ingress: {authHandled: [shop/shop]}");
        ConversionResult after = Conversions.convert(yaml, decided);
        JsonNode shop = Conversions.output(after).get(0);
        assertTrue(publicIngressOnAks(shop, decided), shop.toString());
        assertFalse(shop.at("/metadata/annotations").has("alb.ingress.kubernetes.io/auth-idp-oidc"));
        assertTrue(Conversions.changes(after, "N15").stream().noneMatch(c -> c.mode() == RuleMode.HUMAN));
    }

    @Test
    void theControllersCognitoTemplateStaysOffThePublicClassUntilItsSignInIsReplaced() {
        String template = io.jenkins.plugins.eks2aks.manifests.Upstream.text("aws-load-balancer-controller/docs/examples/cognito-ingress-template.yaml");
        for (IngressTarget target : IngressTarget.values()) {
            MigrationMapping mapping = MigrationMapping.defaults().withIngress(target);
            JsonNode ingress = Conversions.output(Conversions.convert(template, mapping)).get(0);
            assertFalse(publicIngressOnAks(ingress, mapping), target + ": " + ingress);
        }
    }

    @ParameterizedTest(name = "LoadBalancerConfiguration scheme ''{0}''")
    @CsvSource({"'', internal", "internal, internal", "internet-facing, internet-facing"})
    void aGatewayOfTheAwsControllerIsADecisionThatNamesItsSchemeAndIsNeverPassedOn(String scheme, String expected) {
        String yaml = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: aws-alb-gateway-class}
                spec: {controllerName: gateway.k8s.aws/alb}
                ---
                apiVersion: gateway.k8s.aws/v1beta1
                kind: LoadBalancerConfiguration
                metadata: {name: lbconfig, namespace: shop}
                spec: {%s}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: shop, namespace: shop}
                spec:
                  gatewayClassName: aws-alb-gateway-class
                  infrastructure: {parametersRef: {group: gateway.k8s.aws, kind: LoadBalancerConfiguration, name: lbconfig}}
                  listeners: [{name: http, protocol: HTTP, port: 80}]
                """.formatted(scheme.isEmpty() ? "" : "scheme: " + scheme);
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());

        List<JsonNode> out = Conversions.output(result);
        assertEquals(List.of("Gateway"), out.stream().map(o -> o.path("kind").asText()).toList(), "AWS-only objects left out");
        assertEquals("aws-alb-gateway-class", out.get(0).at("/spec/gatewayClassName").asText(), "no class that would serve it");
        Change decision = Conversions.changes(result, "N19").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertTrue(decision.reason().contains(expected.equals("internal") ? "must stay private" : "internet-facing on EKS"),
                decision.reason());
    }

    @Test
    void anIngressWhoseParamsAreMissingIsADecisionNamingThem() {
        String yaml = ingressClass("unseen-alb", "ingress.k8s.aws/alb", "elbv2.k8s.aws", "unseen", false) + ingress("shop", FACING, "unseen-alb");
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());
        Change decision = Conversions.changes(result, "N2").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertTrue(decision.reason().contains("IngressClassParams unseen"), decision.reason());
    }

    @Test
    void noInternalLoadBalancerOfTheBundledExampleBecomesPublic(@TempDir Path tmp) {
        Path example = Path.of("..", "examples", "eks-sample");
        ManifestSet before = new ManifestReader().read(example);
        new ManifestConversion(EventSink.NONE).run(new ConversionRequest(example, tmp.resolve("out"), MigrationMapping.defaults(), false));
        ManifestSet after = new ManifestReader().read(tmp.resolve("out/manifests"));

        List<String> internalBefore = new ArrayList<>();
        before.files().forEach(f -> f.documents().forEach(d -> Conversions.objects(d).forEach(o -> {
            if (o.path("kind").asText().equals("Service") && "LoadBalancer".equals(o.at("/spec/type").asText())) {
                internalBefore.add(o.at("/metadata/name").asText());
            }
        })));
        assertFalse(internalBefore.isEmpty());
        after.files().forEach(f -> f.documents().forEach(d -> Conversions.objects(d).forEach(o -> {
            if (o.path("kind").asText().equals("Service") && "LoadBalancer".equals(o.at("/spec/type").asText())) {
                assertFalse(publicOnAks(o), f.path() + ": " + o.at("/metadata/name").asText() + " would be public on AKS");
            }
            if (o.path("kind").asText().equals("Ingress")) {
                assertFalse(publicIngressOnAks(o, MigrationMapping.defaults()), f.path() + ": ingress would be public on AKS");
            }
        })));
    }

    @Test
    void theInternalLoadBalancerOfValuesAKustomizeGeneratorMakesStaysInternal(@TempDir Path tmp) throws Exception {
        Path fixture = Path.of("src/test/resources/flux-values-generator");
        new ManifestConversion(EventSink.NONE).run(new ConversionRequest(fixture, tmp.resolve("out"), MigrationMapping.defaults(), false));
        JsonNode values = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                java.nio.file.Files.readString(tmp.resolve("out/manifests/podinfo/values.yaml")));
        // The Service the chart makes of its values: their type and annotations.
        com.fasterxml.jackson.databind.node.ObjectNode service = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        service.put("apiVersion", "v1").put("kind", "Service").putObject("spec").put("type", values.at("/service/type").asText());
        service.putObject("metadata").set("annotations", values.at("/service/annotations"));
        assertEquals("LoadBalancer", service.at("/spec/type").asText());
        assertFalse(publicOnAks(service), values.toString());
    }

    /**
     * Annotation maps an operator or a chart copies onto the Service it creates: a Flux HelmRelease's values, an
     * operator's custom resource (shaped as Strimzi's listener, Istio's gateway, a kro or Crossplane template).
     * Each is judged as the Service it becomes would be judged on AKS.
     */
    @ParameterizedTest(name = "{0}: internal on EKS = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            HelmRelease values, scheme internal            | helm.toolkit.fluxcd.io/v2 | '{values: {controller: {service: {type: LoadBalancer, annotations: {AWS_scheme: internal, AWS_type: external}}}}}'     | true
            HelmRelease values, LBC default scheme         | helm.toolkit.fluxcd.io/v2 | '{values: {controller: {service: {annotations: {AWS_type: external, AWS_nlb-target-type: ip}}}}}'                    | true
            HelmRelease values, legacy internal flag       | helm.toolkit.fluxcd.io/v2 | '{values: {service: {annotations: {AWS_internal: 0.0.0.0/0, AWS_type: nlb}}}}'                                         | true
            HelmRelease values, internet-facing            | helm.toolkit.fluxcd.io/v2 | '{values: {service: {annotations: {AWS_scheme: internet-facing, AWS_type: external}}}}'                                | false
            HelmRelease values, classic ELB                | helm.toolkit.fluxcd.io/v2 | '{values: {service: {annotations: {AWS_connection-idle-timeout: "120"}}}}'                                             | false
            HelmRelease values in a list                   | helm.toolkit.fluxcd.io/v2 | '{values: {gateways: [{name: public}, {name: private, annotations: {AWS_scheme: internal}}]}}'                          | true
            Kafka listener (Strimzi shape)                 | kafka.strimzi.io/v1beta2  | '{kafka: {listeners: [{name: ext, type: loadbalancer, configuration: {bootstrap: {annotations: {AWS_internal: "true"}}, brokers: [{broker: 0, annotations: {AWS_internal: "true"}}]}}]}}' | true
            Istio gateway (IstioOperator shape)            | install.istio.io/v1alpha1 | '{components: {ingressGateways: [{name: internal-gw, k8s: {serviceAnnotations: {AWS_scheme: internal, AWS_type: external}}}]}}' | true
            Argo CD Application valuesObject               | argoproj.io/v1alpha1      | '{source: {helm: {valuesObject: {service: {annotations: {AWS_scheme: Internal}}}}}}'                                  | true
            """)
    void anAnnotationMapInACustomResourceIsInternalOnAksExactlyWhenItWasInternalOnEks(String title, String apiVersion, String spec,
                                                                                      boolean internal) {
        String yaml = """
                apiVersion: %s
                kind: Thing
                metadata: {name: t, namespace: shop}
                spec: %s
                """.formatted(apiVersion, spec.replace("AWS_", AWS));
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());
        JsonNode converted = Conversions.output(result).get(0);

        List<String> pointers = annotationMaps(io.jenkins.plugins.eks2aks.manifests.Manifests.object(yaml).object(), "");
        assertFalse(pointers.isEmpty(), converted.toString());
        for (String pointer : pointers) {
            JsonNode map = converted.at(pointer);
            boolean publicOnAks = !"true".equals(map.path("service.beta.kubernetes.io/azure-load-balancer-internal").asText());
            assertEquals(internal, !publicOnAks, converted.toString());
            assertFalse(hasAnyKeyStartingWith(map, AWS + "scheme") || hasAnyKeyStartingWith(map, AWS + "internal"),
                    "the AWS scheme annotation is gone: " + map);
        }
        if (internal) {
            assertTrue(Conversions.changes(result, "L3").stream().allMatch(c -> c.reason().startsWith("Thing shop/t at spec.")),
                    "the reason names the object and the path");
        }
    }

    /**
     * The same annotation maps in values a Flux HelmRelease takes from a ConfigMap ({@code spec.valuesFrom}): the
     * ConfigMap's YAML text is judged as the Service the chart creates from it would be judged on AKS.
     */
    @ParameterizedTest(name = "{0}: internal on EKS = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            valuesFrom, scheme internal              | values.yaml | '{controller: {service: {type: LoadBalancer, annotations: {AWS_scheme: internal, AWS_type: external}}}}' | true
            valuesFrom, LBC default scheme           | prod.yaml   | '{controller: {service: {annotations: {AWS_type: external, AWS_nlb-target-type: ip}}}}'                | true
            valuesFrom, legacy internal flag         | values.yaml | '{service: {annotations: {AWS_internal: 0.0.0.0/0, AWS_type: nlb}}}'                                    | true
            valuesFrom, scheme in capitals in a list | values.yaml | '{gateways: [{name: public}, {name: private, annotations: {AWS_scheme: Internal}}]}'                     | true
            valuesFrom, internet-facing              | values.yaml | '{service: {annotations: {AWS_scheme: internet-facing, AWS_type: external}}}'                           | false
            """)
    void anAnnotationMapInHelmValuesFromAConfigMapIsInternalOnAksExactlyWhenItWasInternalOnEks(String title, String key, String values,
                                                                                              boolean internal) throws Exception {
        String text = values.replace("AWS_", AWS);
        String yaml = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: ingress, namespace: shop}
                spec:
                  chart: {spec: {chart: ingress-nginx}}
                  valuesFrom: [{kind: ConfigMap, name: ingress-values, valuesKey: %s}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ingress-values, namespace: shop}
                data:
                  %s: '%s'
                """.formatted(key, key, text);
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());
        JsonNode configMap = Conversions.output(result).get(1);
        com.fasterxml.jackson.databind.ObjectMapper reader = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        JsonNode converted = reader.readTree(configMap.at("/data").path(key).asText());

        List<String> pointers = annotationMaps(reader.readTree(text), "");
        assertFalse(pointers.isEmpty(), converted.toString());
        for (String pointer : pointers) {
            JsonNode map = converted.at(pointer);
            boolean publicOnAks = !"true".equals(map.path("service.beta.kubernetes.io/azure-load-balancer-internal").asText());
            assertEquals(internal, !publicOnAks, converted.toString());
            assertFalse(hasAnyKeyStartingWith(map, AWS + "scheme") || hasAnyKeyStartingWith(map, AWS + "internal"),
                    "the AWS scheme annotation is gone: " + map);
        }
    }

    /** Where the meaning is not clear, the conversion stops at a decision instead of passing a public load balancer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            values given as a string (Argo CD)          | argoproj.io/v1alpha1      | '{source: {helm: {values: "controller:\n  service:\n    annotations:\n      AWS_scheme: internal\n"}}}' | spec.source.helm.values
            an AWS load balancer class beside the map   | example.com/v1           | '{service: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb}}'                                      | spec.service.loadBalancerClass
            ALB ingress annotations in chart values     | helm.toolkit.fluxcd.io/v2 | '{values: {ingress: {className: alb, annotations: {alb.ingress.kubernetes.io/target-type: ip}}}}'               | spec.values.ingress.annotations
            """)
    void anUnclearLoadBalancerSettingInACustomResourceIsADecisionNamingObjectAndPath(String title, String apiVersion, String spec,
                                                                                     String path) {
        String yaml = """
                apiVersion: %s
                kind: Thing
                metadata: {name: t, namespace: shop}
                spec: %s
                """.formatted(apiVersion, spec.replace("AWS_", AWS));
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());

        Change decision = result.changes().stream().map(c -> c.change()).filter(c -> c.mode() == RuleMode.HUMAN)
                .findFirst().orElseThrow(() -> new AssertionError("no decision: " + result.changes()));
        assertTrue(decision.reason().contains("Thing shop/t at " + path), decision.reason());
        assertTrue(result.pendingDecisions() > 0);
    }

    @Test
    void theFluxSampleHelmReleaseWithAnAlbIngressIsADecisionAndKeepsItsChartValues() {
        String helmRelease = io.jenkins.plugins.eks2aks.manifests.Upstream.text(
                "eks-workshop-v2/manifests/modules/automation/gitops/flux/basic/apps/ui/helm.yaml");
        ConversionResult result = Conversions.convert(helmRelease, MigrationMapping.defaults());
        Change decision = Conversions.changes(result, "N2").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertEquals("/spec/values/ingress/annotations", decision.path());
        assertTrue(decision.reason().contains("HelmRelease flux-system/ui") && decision.reason().contains("internet-facing"), decision.reason());
    }

    @Test
    void theKroTemplateOfAnAlbIngressIsADecision() {
        String rgd = io.jenkins.plugins.eks2aks.manifests.Upstream.text(
                "eks-workshop-v2/manifests/modules/automation/controlplanes/kro/rgds/webapp-rgd.yaml");
        ConversionResult result = Conversions.convert(rgd, MigrationMapping.defaults());
        assertEquals(List.of("/spec/resources/4/template/metadata/annotations"), Conversions.changes(result, "N2").stream()
                .filter(c -> c.mode() == RuleMode.HUMAN).map(Change::path).toList());
    }

    /** Pointers of every map holding an AWS load balancer annotation, anywhere in the object. */
    private static List<String> annotationMaps(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            if (hasAnyKeyStartingWith(node, AWS)) {
                out.add(pointer);
            }
            node.fields().forEachRemaining(e -> out.addAll(annotationMaps(e.getValue(),
                    io.jenkins.plugins.eks2aks.manifests.Pointers.child(pointer, e.getKey()))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(annotationMaps(node.get(i), pointer + "/" + i));
            }
        }
        return out;
    }

    /** What the AKS cloud provider does: a LoadBalancer Service is public unless marked internal. */
    static boolean publicOnAks(JsonNode service) {
        return "LoadBalancer".equals(service.at("/spec/type").asText())
                && !"true".equals(service.at("/metadata/annotations").path("service.beta.kubernetes.io/azure-load-balancer-internal").asText());
    }

    /** Public when served by the target's public class, or by AGIC without its private-IP annotation. */
    static boolean publicIngressOnAks(JsonNode ingress, MigrationMapping mapping) {
        String className = ingress.at("/spec/ingressClassName").asText("");
        if (className.equals(IngressTarget.WEBAPPROUTING.ingressClassName()) || className.equals(IngressTarget.AGC.ingressClassName())) {
            return true;
        }
        return className.equals(IngressTarget.AGIC.ingressClassName())
                && !"true".equals(ingress.at("/metadata/annotations").path("appgw.ingress.kubernetes.io/use-private-ip").asText());
    }

    private static boolean hasAnyKeyStartingWith(JsonNode map, String prefix) {
        for (var it = map.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An overlay whose kustomize patch sets the scheme of its base's load balancer, in each form a kustomization
     * holds one: JSON 6902 operations in a file ({@code patches} or {@code patchesJson6902}) or inline (a literal
     * block or a one-line JSON string), an inline strategic-merge patch. The overlay is built (by kubectl kustomize
     * when installed, and by {@link OverlayBuild} always) and the built Service judged as AKS would judge it.
     */
    @ParameterizedTest(name = "{0}: internal on EKS = {4}")
    @MethodSource("overlayPatches")
    void aSchemeSetByAKustomizePatchDecidesOnAksAsOnEks(String title, String baseScheme, String kustomization, String patchFile,
                                                        boolean internal, @TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("in");
        java.nio.file.Files.createDirectories(input.resolve("base"));
        java.nio.file.Files.createDirectories(input.resolve("overlay"));
        java.nio.file.Files.writeString(input.resolve("base/kustomization.yaml"), "resources:\n- service.yaml\n");
        java.nio.file.Files.writeString(input.resolve("base/service.yaml"), service(
                (AWS_ANNOTATION + "scheme: " + baseScheme + ", " + AWS_ANNOTATION + "type: external"), ""));
        String k = kustomization;
        java.nio.file.Files.writeString(input.resolve("overlay/kustomization.yaml"), "resources:\n- ../base\n" + k);
        if (!patchFile.isEmpty()) {
            java.nio.file.Files.writeString(input.resolve("overlay/" + (patchFile.startsWith("[") ? "lb.json" : "lb.yaml")),
                    patchFile);
        }
        var summary = new ManifestConversion(EventSink.NONE).run(new ConversionRequest(input, tmp.resolve("out"),
                MigrationMapping.defaults(), false));
        Path out = tmp.resolve("out/manifests");
        JsonNode built = OverlayBuild.build(out.resolve("base/service.yaml"), out.resolve("overlay"));
        assertEquals(!internal, publicOnAks(built), title + ": " + built + "\n"
                + java.nio.file.Files.readString(out.resolve("overlay/kustomization.yaml")));
        assertEquals(0, summary.pendingDecisions(), title);
        if (io.jenkins.plugins.eks2aks.manifests.output.Kubectl.available()) {
            JsonNode real = io.jenkins.plugins.eks2aks.manifests.output.Kubectl.kustomize(out.resolve("overlay")).get(0);
            assertEquals(!internal, publicOnAks(real), title + " (kubectl kustomize): " + real);
        }
    }

    @Test
    void aPatchRemovingAnInternalSchemeIsADecision(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("in");
        java.nio.file.Files.createDirectories(input.resolve("overlay"));
        java.nio.file.Files.writeString(input.resolve("overlay/service.yaml"), service(AWS_ANNOTATION + "scheme: internal", ""));
        java.nio.file.Files.writeString(input.resolve("overlay/kustomization.yaml"), """
                resources: [service.yaml]
                patches:
                - target: {kind: Service, name: s}
                  patch: |-
                    - op: remove
                      path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme
                """);
        List<io.jenkins.plugins.eks2aks.events.MigrationEvent> events = new ArrayList<>();
        var summary = new ManifestConversion(events::add).run(new ConversionRequest(input, tmp.resolve("out"),
                MigrationMapping.defaults(), false));
        assertEquals(1, summary.pendingDecisions(), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.message().startsWith("decision needed: overlay/kustomization.yaml patches[0] "
                + "operation 0 (remove ")), events.toString());
    }


    static Stream<Arguments> overlayPatches() {
        return Stream.of(
                Arguments.of("6902 file in patches, add scheme internal", "internet-facing", """
                        patches:
                        - path: lb.yaml
                          target: {kind: Service, name: s}
                        """, """
                        - op: add
                          path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme
                          value: internal
                        """, true),
                Arguments.of("6902 file in patchesJson6902 (JSON), replace", "internet-facing", """
                        patchesJson6902:
                        - path: lb.json
                          target: {version: v1, kind: Service, name: s, namespace: shop}
                        """, """
                        [{"op": "replace", "path": "/metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme", "value": "internal"}]
                        """, true),
                Arguments.of("6902 inline block, replace scheme internal", "internet-facing", """
                        patches:
                        - target:
                            kind: Service
                            name: s
                          patch: |-
                            # make it private
                            - op: replace
                              path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme
                              value: internal
                        """, "", true),
                Arguments.of("6902 inline JSON string, the whole annotation map", "internet-facing", """
                        patches:
                        - target: {kind: Service, name: s}
                          patch: '[{"op": "replace", "path": "/metadata/annotations", "value": {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal", "service.beta.kubernetes.io/aws-load-balancer-type": "external"}}]'
                        """, "", true),
                Arguments.of("6902 inline, legacy internal flag", "internet-facing", """
                        patches:
                        - target: {kind: Service, name: s}
                          patch: |
                            - op: add
                              path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-internal
                              value: "true"
                        """, "", true),
                Arguments.of("6902 in patchesJson6902 inline", "internet-facing", """
                        patchesJson6902:
                        - target: {version: v1, kind: Service, name: s}
                          patch: |-
                            - {op: add, path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme, value: internal}
                        """, "", true),
                Arguments.of("inline strategic merge", "internet-facing", """
                        patches:
                        - patch: |-
                            apiVersion: v1
                            kind: Service
                            metadata:
                              name: s
                              namespace: shop
                              annotations:
                                service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                        """, "", true),
                Arguments.of("6902 inline, an internal base made public", "internal", """
                        patches:
                        - target: {kind: Service, name: s}
                          patch: |-
                            - op: replace
                              path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme
                              value: internet-facing
                        """, "", false),
                Arguments.of("6902 inline, an internal base with another annotation", "internal", """
                        patches:
                        - target: {kind: Service, name: s}
                          patch: |-
                            - op: add
                              path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-healthcheck-path
                              value: /healthz
                        """, "", true));
    }

    private static final String AWS_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-";
}
