package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.rules.BundledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static io.jenkins.plugins.eks2aks.manifests.rules.BundledExample.assertApplied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secrets rules on {@code examples/eks-sample}, run through the whole conversion with every other rule. */
class SecretsOnTheBundledExampleTest {

    private static final Pattern OURS = Pattern.compile("^(K|E)[0-9]+$");
    private static final String ROLE = "arn:aws:iam::123456789012:role/shop-api";
    private static final String DB = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/shop/db-AbCdEf";
    private static final String DECIDED = """
            acr: contoso.azurecr.io
            keyVault:
              name: shop-kv
              tenantId: 11111111-2222-3333-4444-555555555555
              clientId: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
              objectNames:
                "%1$s": prod-shop-db
                "%1$s#username": prod-shop-db-username
                "%1$s#password": prod-shop-db-password
                prod/shop/stripe-api-key: prod-shop-stripe-api-key
                /shop/prod/feature-flags: shop-prod-feature-flags
            identities:
              "%2$s": {clientId: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}
            """.formatted(DB, ROLE);

    @Test
    void withoutDecisionsTheSecretProviderClassSwitchesProviderAndListsWhatIsToDecide(@TempDir Path tmp) throws IOException {
        BundledExample example = BundledExample.convert(tmp, "acr: contoso.azurecr.io\n");

        assertApplied(example.change("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "/spec/provider"), "K1", "AUTO", "azure");
        assertApplied(example.change("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "/spec/parameters/region"),
                "K3", "DROP", "null");
        List<JsonNode> vault = example.decisions("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "K3");
        assertEquals(1, vault.size());
        assertTrue(vault.get(0).path("keys").toString().contains("keyVault.name"), vault.toString());
        List<JsonNode> names = example.decisions("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "K2");
        assertEquals(5, names.size(), names.toString()); // the JSON secret, its two jmesPath keys, the path name, the SSM parameter
        assertTrue(names.stream().allMatch(d -> d.path("keys").toString().contains("keyVault.objectNames.")), names.toString());
        List<JsonNode> pods = example.decisions("api.yaml", "Deployment", "api", "K5");
        assertEquals(1, pods.size());
        assertTrue(pods.get(0).path("reason").asText().contains("identities.\"" + ROLE + "\".clientId"));
        example.assertNoConflictInvolves(OURS);
    }

    @Test
    void withTheVaultTheNamesAndTheIdentityTheClassReadsKeyVaultAndFilesKeepTheirNames(@TempDir Path tmp) throws IOException {
        BundledExample example = BundledExample.convert(tmp, DECIDED);

        assertEquals(List.of(), example.decisions("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "K2"));
        assertEquals(List.of(), example.decisions("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "K3"));
        assertEquals(List.of(), example.decisions("api.yaml", "Deployment", "api", "K5"));
        JsonNode objects = example.change("secrets.yaml", "SecretProviderClass", "shop-api-secrets", "/spec/parameters/objects");
        assertEquals("K2", objects.path("rule").asText());
        assertTrue(objects.path("applied").asBoolean());
        example.assertNoConflictInvolves(OURS);

        String secrets = example.manifest("secrets.yaml");
        for (String line : List.of("provider: azure", "keyvaultName: shop-kv", "usePodIdentity: \"false\"", "array:",
                "objectName: \"prod-shop-db-username\"", "objectAlias: \"db-username\"", "objectAlias: \"feature-flags\"",
                "- objectName: db-username", "secretName: shop-api-db")) {
            assertTrue(secrets.contains(line), line + " in\n" + secrets);
        }
        for (String gone : List.of("region:", "failoverRegion", "secretsmanager", "jmesPath")) {
            assertFalse(secrets.contains(gone), gone + " in\n" + secrets);
        }
    }
}
