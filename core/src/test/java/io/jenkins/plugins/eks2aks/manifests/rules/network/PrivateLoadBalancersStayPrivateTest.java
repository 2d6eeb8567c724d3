package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.ManifestConversion;
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
}
