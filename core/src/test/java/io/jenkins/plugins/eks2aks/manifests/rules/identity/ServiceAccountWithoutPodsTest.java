package io.jenkins.plugins.eks2aks.manifests.rules.identity;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An IRSA ServiceAccount whose pods are elsewhere: the label they need is a warning, not a silent gap. */
class ServiceAccountWithoutPodsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/carts";
    private static final MigrationMapping MAPPED = MappingFile.parse("eks2aks.yaml",
            "identities: {\"" + ROLE + "\": {clientId: 11111111-2222-3333-4444-555555555555}}");
    private static final String ACCOUNT = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: carts, namespace: shop, annotations: {eks.amazonaws.com/role-arn: "%s"}}
            ---
            """.formatted(ROLE);

    private static Change clientId(ConversionResult result) {
        return Conversions.changes(result, "W1").stream().filter(c -> c.path().endsWith("client-id")).findFirst().orElseThrow();
    }

    @Test
    void withoutItsPodsTheIdentityIsSetWithAWarningNamingTheLabel() {
        Change change = clientId(Conversions.convert(ACCOUNT, MAPPED));
        assertEquals(RuleMode.AUTO_WARN, change.mode());
        assertTrue(change.reason().contains("azure.workload.identity/use"), change.reason());
    }

    @Test
    void withItsPodsInTheInputTheyGetTheLabelAndTheAccountNoWarning() {
        String yaml = ACCOUNT + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: carts, namespace: shop}
                spec: {template: {spec: {serviceAccountName: carts, containers: [{name: c, image: carts}]}}}
                """;
        ConversionResult result = Conversions.convert(yaml, MAPPED);
        Change change = clientId(result);
        assertEquals(RuleMode.AUTO, change.mode());
        assertFalse(change.reason().contains("no pod of the input"));
        assertEquals("true", Conversions.output(result).get(1).at("/spec/template/metadata/labels").path("azure.workload.identity/use").asText());
    }
}
