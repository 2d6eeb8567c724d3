package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.credential.AccessToken;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.standins.ClientCertificate;
import io.jenkins.plugins.eks2aks.standins.EntraStandIn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service principal that signs in with a certificate, against a local Entra stand-in that checks the client
 * assertion's signature with the registered certificate, at a private authority (as a sovereign cloud's is).
 */
class EntraCertificateSignInTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";

    @Test
    void aCertificatePrincipalSignsInWithASignedAssertionAtItsOwnAuthorityAndAnotherCertificateIsRefused() {
        ClientCertificate registered = ClientCertificate.create("eks2aks-sp", "pfx-password");
        ClientCertificate other = ClientCertificate.create("someone-else", "pfx-password");
        try (EntraStandIn entra = new EntraStandIn(EntraSignInTest.TENANT, EntraSignInTest.CLIENT, EntraSignInTest.SECRET)
                .acceptCertificate(registered.certificate())) {
            Map<String, String> env = Map.of("AZURE_AUTHORITY_HOST", entra.authorityHost());
            AzureServicePrincipal sp = AzureServicePrincipal.withCertificate(EntraSignInTest.TENANT, EntraSignInTest.CLIENT,
                    registered.pkcs12(), registered.password(), SUBSCRIPTION, "credential 'aks-cert'");

            AccessToken token = AzureSettings.resolve(env, sp, null, entra.httpClient(), "--subscription").credential().getTokenSync(EntraSignInTest.ARM_SCOPE);

            assertTrue(token.getToken().startsWith("entra-"), token.getToken());
            EntraStandIn.Request request = entra.requests().get(entra.requests().size() - 1);
            assertEquals("/" + EntraSignInTest.TENANT + "/oauth2/v2.0/token", request.path());
            assertFalse(request.form().containsKey("client_secret"), "no secret is sent: " + request.form().keySet());
            assertEquals(List.of(), entra.requestsElsewhere(), "no instance discovery at Microsoft's public authority");

            AzureServicePrincipal wrong = AzureServicePrincipal.withCertificate(EntraSignInTest.TENANT, EntraSignInTest.CLIENT,
                    other.pkcs12(), other.password(), SUBSCRIPTION, "credential 'aks-other-cert'");
            CloudAuthenticationException e = assertThrows(CloudAuthenticationException.class,
                    () -> AzureSettings.resolve(env, wrong, null, entra.httpClient(), "--subscription").credential().getTokenSync(EntraSignInTest.ARM_SCOPE));
            assertTrue(e.getMessage().startsWith("Entra ID at " + entra.authorityHost() + EntraSignInTest.TENANT
                    + " rejected the credential from credential 'aks-other-cert'"), e.getMessage());
        }
    }

    @Test
    void aManagedIdentityNamesItselfAndNeedsNoTenantOrSecret() {
        AzureServicePrincipal mi = AzureServicePrincipal.managedIdentity("5a1b2c3d-0000-4000-8000-000000000001", SUBSCRIPTION,
                "credential 'agent-identity'");
        AzureSettings settings = AzureSettings.resolve(Map.of(), mi, null, "--subscription");
        assertEquals(SUBSCRIPTION, settings.subscriptionId());
        assertEquals("credential 'agent-identity'", settings.credentialSource());
        assertEquals("managed identity 5a1b2c3d-0000-4000-8000-000000000001", mi.kind());
        assertEquals("managed identity (system-assigned)", AzureServicePrincipal.managedIdentity(null, null, "x").kind());
        assertThrows(NullPointerException.class, () -> new AzureServicePrincipal("t", "c", null, null, null, false, null, "x"),
                "a service principal needs a secret or a certificate");
    }
}
