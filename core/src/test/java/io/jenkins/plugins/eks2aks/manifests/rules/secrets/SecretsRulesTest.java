package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

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

/** The secrets family (catalog §5: K1–K5, E1–E3), one case per behaviour. */
class SecretsRulesTest {

    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private static final String ROLE = "arn:aws:iam::123456789012:role/api";
    private static final String VAULT = "keyVault: {name: shop-kv, tenantId: " + TENANT + ", clientId: " + CLIENT + "}\n";
    private static final String SIMPLE_SPC = spc("""
            - objectName: "db-password"
              objectType: "secretsmanager"
            """);
    private static final String RICH_OBJECTS = """
            - objectName: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/shop/db-AbCdEf"
              objectAlias: "db"
              objectVersionLabel: "AWSCURRENT"
              jmesPath:
                - path: "username"
                  objectAlias: "db-username"
            - objectName: "prod/shop/stripe-api-key"
              objectType: "secretsmanager"
              failoverObject: {objectName: "prod/shop/stripe-api-key"}
            - objectName: "feature-flags"
              objectType: "ssmparameter"
            """;
    private static final String RICH_NAMES = """
            keyVault:
              name: shop-kv
              tenantId: %s
              clientId: %s
              objectNames:
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/shop/db-AbCdEf": prod-shop-db
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/shop/db-AbCdEf#username": prod-shop-db-username
                prod/shop/stripe-api-key: stripe-api-key
            """.formatted(TENANT, CLIENT);
    private static final String SERVICE_ACCOUNT = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: api
              namespace: shop
              annotations: {eks.amazonaws.com/role-arn: "%s"}
            """.formatted(ROLE);
    private static final String MOUNTING_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  serviceAccountName: api
                  containers: [{name: api, image: api:1}]
                  volumes:
                  - name: secrets
                    csi: {driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: api}}
            """;
    private static final String AWS_STORE = """
            apiVersion: external-secrets.io/v1
            kind: ClusterSecretStore
            metadata: {name: aws}
            spec:
              provider:
                aws:
                  service: SecretsManager
                  region: us-east-1
                  auth: {jwt: {serviceAccountRef: {name: eso, namespace: external-secrets}}}
            """;
    private static final String EXTERNAL_SECRET = """
            apiVersion: external-secrets.io/v1beta1
            kind: ExternalSecret
            metadata: {name: db, namespace: shop}
            spec:
              secretStoreRef: {name: aws, kind: ClusterSecretStore}
              data:
              - secretKey: password
                remoteRef: {key: db-password, property: password, version: AWSCURRENT}
              - secretKey: token
                remoteRef: {key: prod/shop/api-key}
              dataFrom:
              - extract: {key: prod/shop/config}
              - find: {path: prod/shop}
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("without a vault an AWS SecretProviderClass switches to the Azure provider and asks which "
                        + "vault holds the secrets", "", SIMPLE_SPC, List.of(
                        "SecretProviderClass api: K1 AUTO replace /spec/provider azure",
                        "SecretProviderClass api: K3 DROP remove /spec/parameters/region",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/usePodIdentity false",
                        "SecretProviderClass api: K3 HUMAN /spec/parameters",
                        "SecretProviderClass api: K2 AUTO replace /spec/parameters/objects array:\n  - |\n    objectName: \"db-password\"\n"
                                + "    objectType: secret\n    objectVersion: \"\"\n")),
                Arguments.of("with the vault, its tenant and identity in the mapping they become the class's parameters",
                        VAULT, SIMPLE_SPC, List.of(
                        "SecretProviderClass api: K1 AUTO replace /spec/provider azure",
                        "SecretProviderClass api: K3 DROP remove /spec/parameters/region",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/usePodIdentity false",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/keyvaultName shop-kv",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/tenantId " + TENANT,
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/clientID " + CLIENT,
                        "SecretProviderClass api: K2 AUTO replace /spec/parameters/objects array:\n  - |\n    objectName: \"db-password\"\n"
                                + "    objectType: secret\n    objectVersion: \"\"\n")),
                Arguments.of("a vault without tenant and identity asks for each", "keyVault: {name: shop-kv}", SIMPLE_SPC, List.of(
                        "SecretProviderClass api: K1 AUTO replace /spec/provider azure",
                        "SecretProviderClass api: K3 DROP remove /spec/parameters/region",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/usePodIdentity false",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/keyvaultName shop-kv",
                        "SecretProviderClass api: K3 HUMAN /spec/parameters",
                        "SecretProviderClass api: K3 HUMAN /spec/parameters",
                        "SecretProviderClass api: K2 AUTO replace /spec/parameters/objects array:\n  - |\n    objectName: \"db-password\"\n"
                                + "    objectType: secret\n    objectVersion: \"\"\n")),
                Arguments.of("AWS names Key Vault does not allow, and keys read with jmesPath, are findings and the object "
                        + "list is left as it is", VAULT, spc(RICH_OBJECTS), List.of(
                        "SecretProviderClass api: K1 AUTO replace /spec/provider azure",
                        "SecretProviderClass api: K3 DROP remove /spec/parameters/region",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/usePodIdentity false",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/keyvaultName shop-kv",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/tenantId " + TENANT,
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/clientID " + CLIENT,
                        "SecretProviderClass api: K2 HUMAN /spec/parameters/objects",
                        "SecretProviderClass api: K2 HUMAN /spec/parameters/objects",
                        "SecretProviderClass api: K2 HUMAN /spec/parameters/objects")),
                Arguments.of("with objectNames every secret is mounted under the file name it had, jmesPath keys become "
                        + "secrets of their own, and version labels and failover objects are dropped with a warning",
                        RICH_NAMES, spc(RICH_OBJECTS), List.of(
                        "SecretProviderClass api: K1 AUTO replace /spec/provider azure",
                        "SecretProviderClass api: K3 DROP remove /spec/parameters/region",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/usePodIdentity false",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/keyvaultName shop-kv",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/tenantId " + TENANT,
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/clientID " + CLIENT,
                        "SecretProviderClass api: K2 AUTO_WARN replace /spec/parameters/objects array:\n"
                                + "  - |\n    objectName: \"prod-shop-db\"\n    objectType: secret\n    objectAlias: \"db\"\n    objectVersion: \"\"\n"
                                + "  - |\n    objectName: \"prod-shop-db-username\"\n    objectType: secret\n    objectAlias: \"db-username\"\n    objectVersion: \"\"\n"
                                + "  - |\n    objectName: \"stripe-api-key\"\n    objectType: secret\n    objectAlias: \"prod_shop_stripe-api-key\"\n    objectVersion: \"\"\n"
                                + "  - |\n    objectName: \"feature-flags\"\n    objectType: secret\n    objectVersion: \"\"\n")),
                Arguments.of("an object list that is no YAML list is a finding, not a guess", VAULT,
                        spc("objectName: db-password\n"), List.of(
                        "SecretProviderClass api: K1 AUTO replace /spec/provider azure",
                        "SecretProviderClass api: K3 DROP remove /spec/parameters/region",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/usePodIdentity false",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/keyvaultName shop-kv",
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/tenantId " + TENANT,
                        "SecretProviderClass api: K3 AUTO add /spec/parameters/clientID " + CLIENT,
                        "SecretProviderClass api: K2 HUMAN /spec/parameters/objects")),
                Arguments.of("a SecretProviderClass of another provider is not touched", VAULT, SIMPLE_SPC.replace("provider: aws",
                        "provider: vault"), List.of()),
                Arguments.of("pods that mount the class as a ServiceAccount with an IAM role need that role's Workload ID "
                        + "identity", VAULT, SERVICE_ACCOUNT + "---\n" + MOUNTING_DEPLOYMENT, List.of(
                        "Deployment api: K5 HUMAN /spec/template/spec/volumes/0")),
                Arguments.of("pods whose identity is the one the classes read the vault as need nothing more", VAULT
                        + "identities: {\"" + ROLE + "\": {clientId: " + CLIENT + "}}", SERVICE_ACCOUNT + "---\n" + MOUNTING_DEPLOYMENT, List.of()),
                Arguments.of("pods whose identity differs from the classes' identity are a finding", VAULT
                        + "identities: {\"" + ROLE + "\": {clientId: 99999999-bbbb-cccc-dddd-eeeeeeeeeeee}}",
                        SERVICE_ACCOUNT + "---\n" + MOUNTING_DEPLOYMENT, List.of(
                        "Deployment api: K5 HUMAN /spec/template/spec/volumes/0")),
                Arguments.of("an External Secrets store on AWS reads Key Vault with Workload ID as the same ServiceAccount",
                        VAULT, AWS_STORE, List.of(
                        "ClusterSecretStore aws: E1 AUTO_WARN replace /spec/provider {\"azurekv\":{\"authType\":\"WorkloadIdentity\","
                                + "\"vaultUrl\":\"https://shop-kv.vault.azure.net\",\"tenantId\":\"" + TENANT + "\","
                                + "\"serviceAccountRef\":{\"name\":\"eso\",\"namespace\":\"external-secrets\"}}}")),
                Arguments.of("an External Secrets store on AWS without a vault asks for one", "", AWS_STORE, List.of(
                        "ClusterSecretStore aws: E1 HUMAN /spec/provider/aws")),
                Arguments.of("ExternalSecrets move to external-secrets.io/v1; Key Vault keys stay, others are renamed or "
                        + "decided, and AWS version stages go", "keyVault:\n  name: shop-kv\n  objectNames: {prod/shop/config: shop-config}\n",
                        EXTERNAL_SECRET, List.of(
                        "ExternalSecret db: E2 AUTO replace /apiVersion external-secrets.io/v1",
                        "ExternalSecret db: E3 DROP remove /spec/data/0/remoteRef/version",
                        "ExternalSecret db: E3 HUMAN /spec/data/1/remoteRef/key",
                        "ExternalSecret db: E3 AUTO replace /spec/dataFrom/0/extract/key shop-config",
                        "ExternalSecret db: E3 HUMAN /spec/dataFrom/1/find/path")),
                Arguments.of("a ClusterExternalSecret's template keys follow the same names", "", """
                        apiVersion: external-secrets.io/v1
                        kind: ClusterExternalSecret
                        metadata: {name: shared}
                        spec:
                          externalSecretSpec:
                            data:
                            - {secretKey: a, remoteRef: {key: team/a}}
                        """, List.of(
                        "ClusterExternalSecret shared: E3 HUMAN /spec/externalSecretSpec/data/0/remoteRef/key")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsSecrets(String name, String mapping, String manifests, List<String> expected) {
        assertEquals(RulesOnObjects.sorted(expected), RulesOnObjects.sorted(RulesOnObjects.describe(run(mapping, manifests))));
    }

    static Stream<Arguments> findings() {
        return Stream.of(
                Arguments.of("a SecretProviderClass without a vault names keyVault.name", "", SIMPLE_SPC, "keyVault.name", VAULT),
                Arguments.of("a name Key Vault does not allow names keyVault.objectNames.<name>", VAULT,
                        spc("- {objectName: prod/shop/db, objectType: secretsmanager}\n"), "keyVault.objectNames.\"prod/shop/db\"",
                        "keyVault:\n  name: shop-kv\n  tenantId: " + TENANT + "\n  clientId: " + CLIENT
                                + "\n  objectNames: {prod/shop/db: prod-shop-db}\n"),
                Arguments.of("a jmesPath key names keyVault.objectNames.<name>#<path>", VAULT,
                        spc("- {objectName: db, objectType: secretsmanager, jmesPath: [{path: username, objectAlias: user}]}\n"),
                        "keyVault.objectNames.\"db#username\"", "keyVault:\n  name: shop-kv\n  tenantId: " + TENANT
                                + "\n  clientId: " + CLIENT + "\n  objectNames: {\"db#username\": db-username}\n"),
                Arguments.of("pods with an unmapped IAM role name identities.<role>", VAULT, SERVICE_ACCOUNT + "---\n"
                        + MOUNTING_DEPLOYMENT, "identities.\"" + ROLE + "\".clientId", VAULT + "identities: {\"" + ROLE
                        + "\": {clientId: " + CLIENT + "}}"),
                Arguments.of("an AWS secret store without a vault names keyVault.name", "", AWS_STORE, "keyVault.name", VAULT),
                Arguments.of("an ExternalSecret key Key Vault does not allow names keyVault.objectNames.<key>", "",
                        "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: x}\nspec:\n  data:\n"
                                + "  - {secretKey: a, remoteRef: {key: prod/shop/api-key}}\n",
                        "keyVault.objectNames.\"prod/shop/api-key\"", "keyVault:\n  name: shop-kv\n  objectNames: {prod/shop/api-key: api-key}\n"));
    }

    @ParameterizedTest(name = "{0}, and giving that key applies the change")
    @MethodSource("findings")
    void everyFindingNamesTheKeyThatResolvesIt(String name, String mapping, String manifests, String key, String resolving) {
        List<Change> findings = RulesOnObjects.findings(run(mapping, manifests));
        assertTrue(!findings.isEmpty() && findings.stream().allMatch(f -> f.reason().contains(key)), findings.toString());

        List<Seen> after = run(resolving, manifests);
        assertEquals(List.of(), RulesOnObjects.findings(after));
    }

    @Test
    void neverModifiesTheObjectsItIsGiven() {
        RulesOnObjects.assertNeverModifiesItsInput(SecretsRulesTest::rules, spc(RICH_OBJECTS) + "---\n" + SERVICE_ACCOUNT
                + "---\n" + MOUNTING_DEPLOYMENT + "---\n" + AWS_STORE + "---\n" + EXTERNAL_SECRET, "", RICH_NAMES);
    }

    @Test
    void theFileNamesOfObjectsWithoutAliasFollowPathTranslation() {
        assertEquals("a_b_c", AwsSecretObjects.translate("a/b/c", null));
        assertEquals("a-b-c", AwsSecretObjects.translate("a/b/c", "-"));
        assertEquals("a/b/c", AwsSecretObjects.translate("a/b/c", "False"));
    }

    @Test
    void suggestedKeyVaultNamesStripArnsAndTheirRandomSuffix() {
        assertEquals("prod-shop-db", KeyVaultNames.suggestion("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/shop/db-AbCdEf"));
        assertEquals("shop-prod-flags", KeyVaultNames.suggestion("/shop/prod/flags"));
        assertEquals("app-config", KeyVaultNames.suggestion("arn:aws:ssm:us-east-1:123456789012:parameter/app/config"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static List<ConversionRule> rules(RuleContext context) {
        return List.of(new AwsSecretProviderClassRule(context), new SecretProviderClassIdentityRule(context),
                new AwsSecretStoreRule(context), new ExternalSecretsApiRule(), new ExternalSecretKeysRule(context));
    }

    private static List<Seen> run(String mapping, String manifests) {
        return RulesOnObjects.run(SecretsRulesTest::rules, mapping, manifests);
    }

    private static String spc(String objects) {
        return """
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: api, namespace: shop}
                spec:
                  provider: aws
                  parameters:
                    region: us-east-1
                    objects: |
                """ + objects.indent(6);
    }
}
