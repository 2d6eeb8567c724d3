package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryMapTest {

    private static final String US = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String EU = "210987654321.dkr.ecr.eu-west-1.amazonaws.com";

    private static String target(RegistryMap map, String image) {
        return map.target(EcrImageReference.parse(image).orElseThrow()).orElse(null);
    }

    @Test
    void defaultAcrReceivesEveryEcrRegistry() {
        RegistryMap map = RegistryMap.of(List.of(), "contoso");
        assertEquals("contoso.azurecr.io/shop/web:1", target(map, US + "/shop/web:1"));
        assertEquals("contoso.azurecr.io/platform/envoy:v1", target(map, EU + "/platform/envoy:v1"));
    }

    @Test
    void explicitEntryWinsOverTheDefault() {
        RegistryMap map = RegistryMap.of(List.of(EU + "=fabrikam.azurecr.io"), "contoso.azurecr.io");
        assertEquals("fabrikam.azurecr.io/platform/envoy:v1", target(map, EU + "/platform/envoy:v1"));
        assertEquals("contoso.azurecr.io/shop/web:1", target(map, US + "/shop/web:1"));
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            shop/web:1          | contoso.azurecr.io/shop/web:1
            legacy/app:2        | contoso.azurecr.io/old/app:2
            legacy/app/worker:3 | contoso.azurecr.io/old/app/worker:3
            legacy/billing:4    | fabrikam.azurecr.io/billing:4
            """)
    void longestPrefixWins(String repository, String expected) {
        RegistryMap map = RegistryMap.of(List.of(
                US + "=contoso.azurecr.io",
                US + "/legacy=contoso.azurecr.io/old",
                US + "/legacy/billing=fabrikam.azurecr.io/billing"), null);
        assertEquals(expected, target(map, US + "/" + repository));
    }

    @Test
    void unmappedRegistryHasNoTarget() {
        RegistryMap map = RegistryMap.of(List.of(US + "=contoso.azurecr.io"), null);
        assertEquals(Optional.empty(), map.target(EcrImageReference.parse(EU + "/x:1").orElseThrow()));
        assertTrue(RegistryMap.of(List.of(), "").isEmpty());
    }

    @ParameterizedTest(name = "''{0}'' is rejected with a message containing ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            contoso.azurecr.io                                      | expected <ecr-host>
            =contoso.azurecr.io                                     | expected <ecr-host>
            123456789012.dkr.ecr.us-east-1.amazonaws.com=           | expected <ecr-host>
            docker.io=contoso.azurecr.io                            | 'docker.io' is not an ECR registry host
            123456789012.dkr.ecr.us-east-1.amazonaws.com=not a host | 'not a host' is not a registry host
            """)
    void invalidEntriesAreRejectedWithTheEntryNamed(String entry, String message) {
        MigrationException e = assertThrows(MigrationException.class, () -> RegistryMap.of(List.of(entry), null));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("'" + entry + "'"), e.getMessage());
    }

    @Test
    void oneSourceMappedToTwoTargetsIsRejected() {
        MigrationException e = assertThrows(MigrationException.class, () -> RegistryMap.of(
                List.of(US + "=a.azurecr.io", US + "=b.azurecr.io"), null));
        assertTrue(e.getMessage().contains("mapped twice"), e.getMessage());
    }

    @ParameterizedTest(name = "ACR ''{0}'' is {1}")
    @CsvSource({"contoso, contoso.azurecr.io", "Contoso.AzureCR.io, contoso.azurecr.io", "contoso.azurecr.io/, contoso.azurecr.io"})
    void acrNamesBecomeLoginServers(String acr, String loginServer) {
        assertEquals(loginServer, RegistryMap.acrLoginServer(acr));
    }

    @Test
    void invalidAcrNameIsRejected() {
        MigrationException e = assertThrows(MigrationException.class, () -> RegistryMap.of(List.of(), "my_acr"));
        assertTrue(e.getMessage().contains("5-50 letters and digits"), e.getMessage());
    }
}
