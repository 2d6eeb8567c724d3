package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.IngressTarget;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlbIngressRuleTest {

    private static final String ALB = "alb.ingress.kubernetes.io/";

    private static ConversionResult convert(IngressTarget target, String annotations) {
        return Conversions.convert("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: shop
                  annotations:
                %s
                spec:
                  ingressClassName: alb
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
                """.formatted(annotations.indent(4)), MigrationMapping.defaults().withIngress(target));
    }

    private static final String LBC_EXAMPLES = "aws-load-balancer-controller/docs/examples/";

    @Test
    void theGrpcExampleGetsNginxGrpcAndADecisionForItsDiscoveredCertificateButNoRedirectYet() {
        ConversionResult result = Conversions.convert(Upstream.text(LBC_EXAMPLES + "grpc/grpcserver-ingress.yaml"), MigrationMapping.defaults());

        JsonNode ingress = output(result);
        assertEquals("GRPC", ingress.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/backend-protocol").asText());
        assertFalse(ingress.at("/metadata/annotations").has("nginx.ingress.kubernetes.io/ssl-redirect"),
                "no redirect to an HTTPS the AKS ingress does not have yet: " + ingress);
        Change discovery = Conversions.changes(result, "N4").get(0);
        assertEquals(RuleMode.HUMAN, discovery.mode());
        assertTrue(discovery.reason().contains("certificate discovery") && discovery.reason().contains("grpcserver.example.com"),
                discovery.reason());
        assertTrue(Conversions.changes(result, "N16").isEmpty(), "backend-protocol-version is known: " + result.changes());
    }

    @Test
    void grpcOverTlsBecomesGrpcsAndAgicIsADecision() {
        JsonNode grpcs = output(convert(IngressTarget.WEBAPPROUTING, ALB + "backend-protocol-version: GRPC\n" + ALB + "backend-protocol: HTTPS"));
        assertEquals("GRPCS", grpcs.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/backend-protocol").asText(), grpcs.toString());

        ConversionResult agic = convert(IngressTarget.AGIC, ALB + "backend-protocol-version: GRPC");
        assertTrue(Conversions.changes(agic, "N7").stream().anyMatch(c -> c.mode() == RuleMode.HUMAN));
    }

    @ParameterizedTest(name = "{0} {1} becomes {2} {3}")
    @CsvSource({
            "/*,          ImplementationSpecific, /,          Prefix",
            "/users/*,    ImplementationSpecific, /users,     Prefix",
            "/api/v1/*,   Prefix,                 /api/v1,    Prefix",
            "/users,      Prefix,                 /users,     Prefix"})
    void albWildcardPathsBecomePrefixPaths(String path, String pathType, String newPath, String newType) {
        JsonNode ingress = Conversions.single("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop, annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}}
                spec:
                  ingressClassName: alb
                  rules: [{http: {paths: [{path: "%s", pathType: %s, backend: {service: {name: web, port: {number: 80}}}}]}}]
                """.formatted(path, pathType), MigrationMapping.defaults());
        assertEquals(newPath, ingress.at("/spec/rules/0/http/paths/0/path").asText());
        assertEquals(newType, ingress.at("/spec/rules/0/http/paths/0/pathType").asText());
    }

    @Test
    void aWildcardInsideAPathIsADecision() {
        ConversionResult result = Conversions.convert("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec:
                  ingressClassName: alb
                  rules: [{http: {paths: [{path: "/a/*/b", pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}]}}]
                """, MigrationMapping.defaults());
        assertEquals(RuleMode.HUMAN, Conversions.changes(result, "N18").get(0).mode());
    }

    private static JsonNode output(ConversionResult result) {
        return Conversions.output(result).get(0);
    }

    @ParameterizedTest(name = "target {0}, scheme {1}: class {2}")
    @CsvSource({
            "WEBAPPROUTING, internal,        nginx-internal",
            "WEBAPPROUTING, internet-facing, webapprouting.kubernetes.azure.com",
            "AGIC,          internal,        azure-application-gateway",
            "AGIC,          internet-facing, azure-application-gateway",
            "AGC,           internet-facing, azure-alb-external",
            "AGC,           internal,        alb"})
    void theIngressClassFollowsTheTargetAndTheScheme(IngressTarget target, String scheme, String className) {
        ConversionResult result = convert(target, ALB + "scheme: " + scheme);
        assertEquals(className, output(result).at("/spec/ingressClassName").asText());
    }

    @Test
    void anInternalIngressForAgcIsADecisionNotAGuess() {
        ConversionResult result = convert(IngressTarget.AGC, ALB + "scheme: internal");
        Change decision = Conversions.changes(result, "N2").get(0);
        assertEquals(RuleMode.HUMAN, decision.mode());
        assertTrue(decision.reason().contains("ingress.target"), decision.reason());
    }

    @ParameterizedTest(name = "{0}: {1} becomes {2}={3} for {4}")
    @CsvSource(delimiter = '|', textBlock = """
            ssl-redirect     | '443'             | nginx.ingress.kubernetes.io/ssl-redirect        | true    | WEBAPPROUTING
            ssl-redirect     | '443'             | appgw.ingress.kubernetes.io/ssl-redirect        | true    | AGIC
            backend-protocol | HTTPS             | nginx.ingress.kubernetes.io/backend-protocol    | HTTPS   | WEBAPPROUTING
            backend-protocol | HTTPS             | appgw.ingress.kubernetes.io/backend-protocol    | https   | AGIC
            healthcheck-path | /healthz          | appgw.ingress.kubernetes.io/health-probe-path   | /healthz| AGIC
            """)
    void annotationsAreTranslatedForTheTarget(String name, String value, String azureKey, String azureValue, IngressTarget target) {
        JsonNode annotations = output(convert(target, ALB + name + ": " + value)).at("/metadata/annotations");
        assertEquals(azureValue, annotations.path(azureKey).asText(), annotations.toString());
        assertFalse(annotations.has(ALB + name));
    }

    @ParameterizedTest(name = "{0} is dropped ({1})")
    @CsvSource({"target-type, N9", "group.name, N10", "healthcheck-path, N8", "tags, N16", "scheme, N2"})
    void albOnlySettingsAreDroppedForAppRouting(String name, String rule) {
        ConversionResult result = convert(IngressTarget.WEBAPPROUTING, ALB + name + ": x");
        assertFalse(output(result).at("/metadata/annotations").has(ALB + name));
        assertTrue(Conversions.changes(result, rule).stream().anyMatch(c -> c.mode() == RuleMode.DROP));
    }

    @ParameterizedTest(name = "{0} needs a decision ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            certificate-arn                 | N4  | arn:aws:acm:us-east-1:123456789012:certificate/abc
            actions.redirect                | N11 | '{"Type":"redirect"}'
            conditions.web                  | N12 | '[]'
            wafv2-acl-arn                   | N14 | arn
            auth-type                       | N15 | oidc
            listen-ports                    | N6  | '[{"HTTPS":8443}]'
            """)
    void settingsThatNeedAPersonAreReported(String name, String rule, String value) {
        ConversionResult result = convert(IngressTarget.WEBAPPROUTING, ALB + name + ": '" + value.replace("'", "") + "'");
        assertTrue(Conversions.changes(result, rule).stream().anyMatch(c -> c.mode() == RuleMode.HUMAN), result.changes().toString());
    }

    @Test
    void inboundCidrsAreCarriedToAppRoutingAndADecisionNamingTheTargetKeyElsewhere() {
        ConversionResult appRouting = convert(IngressTarget.WEBAPPROUTING, ALB + "inbound-cidrs: '10.0.0.0/8, 192.168.0.0/16'");
        JsonNode annotations = output(appRouting).at("/metadata/annotations");
        assertEquals("10.0.0.0/8,192.168.0.0/16", annotations.path("nginx.ingress.kubernetes.io/whitelist-source-range").asText(),
                annotations.toString());
        assertFalse(annotations.has(ALB + "inbound-cidrs"), annotations.toString());
        assertTrue(Conversions.changes(appRouting, "N13").stream().noneMatch(c -> c.mode() == RuleMode.HUMAN));

        for (IngressTarget target : List.of(IngressTarget.AGIC, IngressTarget.AGC)) {
            ConversionResult other = convert(target, ALB + "scheme: internet-facing\n" + ALB + "inbound-cidrs: 10.0.0.0/8");
            var decision = Conversions.changes(other, "N13").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
            assertEquals(List.of("ingress.target"), decision.mappingKeys(), decision.reason());
        }
    }

    @Test
    void aMappedCertificateIsLoadedFromKeyVaultByAppRoutingAndFromTheGatewayByAgic() {
        String arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
        String uri = "https://shop-kv.vault.azure.net/certificates/shop-tls";
        io.jenkins.plugins.eks2aks.mapping.MigrationMapping mapping = io.jenkins.plugins.eks2aks.mapping.MappingFile.parse("m.yaml",
                "certificates: {\"" + arn + "\": " + uri + "}\n");
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop, annotations: {alb.ingress.kubernetes.io/certificate-arn: "%s"}}
                spec:
                  ingressClassName: alb
                  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
                """.formatted(arn);

        JsonNode appRouting = Conversions.single(yaml, mapping);
        assertEquals(uri, appRouting.at("/metadata/annotations").path("kubernetes.azure.com/tls-cert-keyvault-uri").asText());
        assertEquals("keyvault-shop", appRouting.at("/spec/tls/0/secretName").asText());
        assertEquals("shop.example.com", appRouting.at("/spec/tls/0/hosts/0").asText());
        assertFalse(appRouting.at("/metadata/annotations").has(ALB + "certificate-arn"));

        JsonNode agic = Conversions.single(yaml, mapping.withIngress(IngressTarget.AGIC));
        assertEquals(uri, agic.at("/metadata/annotations").path("appgw.ingress.kubernetes.io/appgw-ssl-certificate").asText());
    }

    @Test
    void standardListenPortsAreImpliedOnAks() {
        ConversionResult result = convert(IngressTarget.WEBAPPROUTING, ALB + "listen-ports: '[{\"HTTP\": 80}, {\"HTTPS\": 443}]'");
        assertEquals(RuleMode.DROP, Conversions.changes(result, "N6").get(0).mode());
    }

    @Test
    void theLegacyClassAnnotationBecomesTheClassField() {
        ConversionResult result = Conversions.convert("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, annotations: {kubernetes.io/ingress.class: alb, alb.ingress.kubernetes.io/scheme: internet-facing}}
                spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
                """, MigrationMapping.defaults());
        JsonNode ingress = output(result);
        assertEquals("webapprouting.kubernetes.azure.com", ingress.at("/spec/ingressClassName").asText());
        assertFalse(ingress.at("/metadata/annotations").has("kubernetes.io/ingress.class"));
    }

    @Test
    void ingressesOfOtherControllersAreLeftAlone() {
        ConversionResult result = Conversions.convert("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n"
                + "spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}\n", MigrationMapping.defaults());
        assertTrue(result.changes().isEmpty());
    }
}
