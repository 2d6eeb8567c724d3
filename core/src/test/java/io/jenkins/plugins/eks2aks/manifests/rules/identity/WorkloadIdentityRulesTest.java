package io.jenkins.plugins.eks2aks.manifests.rules.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
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

class WorkloadIdentityRulesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/shop-api";
    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    private static final String TENANT = "99999999-8888-7777-6666-555555555555";
    private static final String ACCOUNT = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: shop-api
              namespace: shop
              annotations:
                eks.amazonaws.com/role-arn: %s
                eks.amazonaws.com/token-expiration: "%s"
                eks.amazonaws.com/sts-regional-endpoints: "true"
            """;
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata:
                  labels: {app: api}
                  annotations: {eks.amazonaws.com/skip-containers: "migrate, envoy"}
                spec:
                  serviceAccountName: shop-api
                  containers:
                  - name: api
                    image: api:1
                    env:
                    - {name: LOG_LEVEL, value: info}
                    - {name: AWS_ROLE_ARN, value: %s}
                    - {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token}
                    - {name: AWS_REGION, value: us-east-1}
                    volumeMounts:
                    - {name: aws-iam-token, mountPath: /var/run/secrets/eks.amazonaws.com/serviceaccount}
                    - {name: data, mountPath: /data}
                  volumes:
                  - {name: data, emptyDir: {}}
                  - name: aws-iam-token
                    projected: {sources: [{serviceAccountToken: {audience: sts.amazonaws.com, path: token}}]}
            """.formatted(ROLE);

    private static MigrationMapping withIdentity() {
        return MappingFile.parse("eks2aks.yaml", "identities:\n  \"" + ROLE + "\": {clientId: " + CLIENT + ", tenantId: " + TENANT + "}\n");
    }

    private static JsonNode kind(ConversionResult result, String kind) {
        return Conversions.output(result).stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void aMappedRoleBecomesTheWorkloadIdentityClientId() {
        ConversionResult result = Conversions.convert(ACCOUNT.formatted(ROLE, 86400), withIdentity());
        JsonNode annotations = kind(result, "ServiceAccount").at("/metadata/annotations");

        assertEquals(CLIENT, annotations.path("azure.workload.identity/client-id").asText());
        assertEquals(TENANT, annotations.path("azure.workload.identity/tenant-id").asText());
        assertFalse(annotations.has("eks.amazonaws.com/role-arn"));
        assertFalse(annotations.has("eks.amazonaws.com/sts-regional-endpoints"));
        assertEquals(0, result.pendingDecisions());
    }

    @Test
    void anUnmappedRoleIsADecisionThatNamesTheMappingKey() {
        ConversionResult result = Conversions.convert(ACCOUNT.formatted(ROLE, 86400), MigrationMapping.defaults());
        Change decision = Conversions.changes(result, "W1").get(0);

        assertEquals(RuleMode.HUMAN, decision.mode());
        assertTrue(decision.reason().contains("identities.\"" + ROLE + "\".clientId"), decision.reason());
        assertTrue(decision.reason().contains("system:serviceaccount:shop:shop-api"), decision.reason());
        assertTrue(kind(result, "ServiceAccount").at("/metadata/annotations").has("eks.amazonaws.com/role-arn"));
    }

    @ParameterizedTest(name = "token expiration {0} s becomes {1} s")
    @CsvSource({"86400, 86400", "7200, 7200", "600, 3600", "172800, 86400"})
    void tokenExpirationIsClampedToAzuresRange(String eks, String azure) {
        JsonNode annotations = kind(Conversions.convert(ACCOUNT.formatted(ROLE, eks), withIdentity()), "ServiceAccount").at("/metadata/annotations");
        assertEquals(azure, annotations.path("azure.workload.identity/service-account-token-expiration").asText());
    }

    @Test
    void podsOfAnIrsaAccountGetTheLabelAndLoseWhatTheEksWebhookInjected() {
        ConversionResult result = Conversions.convert(ACCOUNT.formatted(ROLE, 86400) + "---\n" + DEPLOYMENT, withIdentity());
        JsonNode template = kind(result, "Deployment").at("/spec/template");

        assertEquals("true", template.at("/metadata/labels").path("azure.workload.identity/use").asText());
        assertEquals("migrate;envoy", template.at("/metadata/annotations").path("azure.workload.identity/skip-containers").asText());
        assertFalse(template.at("/metadata/annotations").has("eks.amazonaws.com/skip-containers"));
        List<String> env = template.at("/spec/containers/0/env").findValuesAsText("name");
        assertEquals(List.of("LOG_LEVEL", "AWS_REGION"), env, "AWS_REGION stays: the application may still call AWS");
        assertEquals(List.of("data"), template.at("/spec/containers/0/volumeMounts").findValuesAsText("name"));
        assertEquals(List.of("data"), template.at("/spec/volumes").findValuesAsText("name"));
    }

    @Test
    void podsOfAnAccountWithoutARoleAreNotLabelled() {
        String plain = DEPLOYMENT.replace("serviceAccountName: shop-api", "serviceAccountName: other");
        JsonNode template = kind(Conversions.convert(ACCOUNT.formatted(ROLE, 86400) + "---\n" + plain, withIdentity()), "Deployment").at("/spec/template");
        assertFalse(template.at("/metadata/labels").has("azure.workload.identity/use"));
    }
}
