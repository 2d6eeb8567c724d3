package io.jenkins.plugins.eks2aks.mapping;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.RuleCatalog;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingFileTest {

    @Test
    void aCompleteFileIsReadIntoTheMapping() {
        MigrationMapping m = MappingFile.parse("eks2aks.yaml", """
                apiVersion: eks2aks.io/v1
                acr: contoso.azurecr.io
                registries:
                  210987654321.dkr.ecr.eu-west-1.amazonaws.com: fabrikam.azurecr.io
                storageClasses: {io2: managed-csi-premium}
                efsProtocol: nfs
                identities:
                  "arn:aws:iam::123456789012:role/shop-api": {clientId: 11111111-2222-3333-4444-555555555555}
                ingress: {target: agic}
                regions: {us-east-1: eastus}
                zones: {us-east-1a: eastus-1}
                nodePools: {shop-ondemand: shop}
                keyVault: {name: shop-kv, tenantId: 99999999-8888-7777-6666-555555555555}
                targetAksVersion: "1.33"
                namespaces: {exclude: [legacy]}
                rules: {disable: [S5]}
                """);
        assertEquals("contoso.azurecr.io", m.acr());
        assertEquals("managed-csi-premium", m.storageClasses().get("io2"));
        assertEquals("managed-csi-premium", m.storageClasses().get("gp3"), "defaults stay unless overridden");
        assertTrue(m.efsNfs());
        assertEquals("11111111-2222-3333-4444-555555555555", m.identities().get("arn:aws:iam::123456789012:role/shop-api").clientId());
        assertEquals(IngressTarget.AGIC, m.ingress());
        assertEquals("shop-kv", m.keyVault().name());
        assertEquals(33, m.targetMinor());
        assertEquals(List.of("legacy"), m.excludeNamespaces());
        assertEquals(Set.of("S5"), m.disabledRules());
        assertEquals(List.of("210987654321.dkr.ecr.eu-west-1.amazonaws.com=fabrikam.azurecr.io", "*=contoso.azurecr.io"), m.registryMap().describe());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key names itself and the allowed keys | 'ingres: {target: agic}'               | unknown key 'ingres'; allowed keys: apiVersion, acr, registries
            an unknown nested key                            | 'ingress: {targets: agic}'            | unknown key 'ingress.targets'; allowed keys: target, internalClassName
            a value outside an enumeration lists the values  | 'ingress: {target: nginx}'            | key 'ingress.target': does not have a value in the enumeration [webapprouting, agic, agc]
            a wrong type names the key                       | 'zones: [us-east-1a]'                 | key 'zones': array found, object expected
            a malformed identity client id                   | 'identities: {"arn:aws:iam::123456789012:role/a": {clientId: nope}}' | key 'identities.arn:aws:iam::123456789012:role/a.clientId'
            a malformed ECR key in registries                | 'registries: {docker.io: contoso.azurecr.io}' | key 'registries'
            a target version that is not 1.xx                | 'targetAksVersion: "2.0"'             | key 'targetAksVersion'
            """)
    void invalidFilesAreRejectedWithOneLineNamingTheKey(String title, String yaml, String expected) {
        MigrationException e = assertThrows(MigrationException.class, () -> MappingFile.parse("eks2aks.yaml", yaml));
        assertTrue(e.getMessage().startsWith("eks2aks.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anIdentityIsKeyedByTheRoleExactlyAsTheManifestsWriteItPlaceholdersIncluded() {
        String role = "arn:aws:iam::<ACCOUNT_ID>:role/carts";
        String account = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: carts
                  namespace: shop
                  annotations: {eks.amazonaws.com/role-arn: "%s"}
                """.formatted(role);
        var pending = io.jenkins.plugins.eks2aks.manifests.Conversions.convert(account, MigrationMapping.defaults());
        var decision = io.jenkins.plugins.eks2aks.manifests.Conversions.changes(pending, "W1").get(0);
        assertTrue(decision.reason().contains("identities.\"" + role + "\".clientId"), decision.reason());

        MigrationMapping m = MappingFile.parse("eks2aks.yaml", "identities: {\"" + role + "\": {clientId: 11111111-2222-3333-4444-555555555555}}");
        var settled = io.jenkins.plugins.eks2aks.manifests.Conversions.convert(account, m);
        assertEquals(0, settled.pendingDecisions());
        assertEquals("11111111-2222-3333-4444-555555555555", io.jenkins.plugins.eks2aks.manifests.Conversions.output(settled).get(0)
                .at("/metadata/annotations").path("azure.workload.identity/client-id").asText());
    }

    @Test
    void twoRegistriesMappedToOneTargetAreRejected() {
        // Rejected when the file is loaded, not when the registry map is first used.
        MigrationException e = assertThrows(MigrationException.class, () -> MappingFile.parse("eks2aks.yaml", """
                registries:
                  123456789012.dkr.ecr.us-east-1.amazonaws.com: contoso.azurecr.io
                  210987654321.dkr.ecr.eu-west-1.amazonaws.com: contoso.azurecr.io
                """));
        assertTrue(e.getMessage().contains("both map to 'contoso.azurecr.io'"), e.getMessage());
    }

    @Test
    void duplicateKeysAreAnError() {
        MigrationException e = assertThrows(MigrationException.class, () -> MappingFile.parse("m.yaml", "acr: a\nacr: b\n"));
        assertTrue(e.getMessage().startsWith("m.yaml:2: invalid YAML: Duplicate field 'acr'"), e.getMessage());
    }

    @Test
    void theRulesThatKeepLoadBalancersPrivateCannotBeDisabled() {
        MigrationMapping m = MappingFile.parse("m.yaml", "rules: {disable: [L3]}\n");
        MigrationException e = assertThrows(MigrationException.class, () -> RuleCatalog.rules(new RuleContext(m,
                io.jenkins.plugins.eks2aks.manifests.InputIndex.empty())));
        assertTrue(e.getMessage().contains("rule L3 cannot be disabled"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        MigrationException e = assertThrows(MigrationException.class, () -> MappingFile.load(Path.of("no-such-eks2aks.yaml")));
        assertTrue(e.getMessage().contains("no-such-eks2aks.yaml' does not exist"), e.getMessage());
    }

    @Test
    void anEmptyFileMeansTheDefaults() {
        assertEquals(MigrationMapping.defaults(), MappingFile.parse("m.yaml", "# nothing decided yet\n"));
    }
}
