package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import io.jenkins.plugins.eks2aks.preflight.ArmAksReader;
import io.jenkins.plugins.eks2aks.standins.ArmAksStandIn;
import io.jenkins.plugins.eks2aks.standins.EntraStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in to Entra ID with a service principal through the real azure-identity/MSAL stack, against a token endpoint
 * stand-in at a private authority ({@code AZURE_AUTHORITY_HOST}): a rejected secret is one line naming the credential's
 * source and the authority, asked once; no request leaves for {@code login.microsoftonline.com}.
 */
class EntraSignInTest {

    static final String TENANT = "8f2a1c3e-5b7d-4e9f-a1c2-3d4e5f6a7b8c";
    static final String CLIENT = "0d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a";
    static final String SECRET = "right~secret-" + "s".repeat(24);
    static final String SOURCE = "AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID";
    static final TokenRequestContext ARM_SCOPE = new TokenRequestContext().addScopes("https://management.azure.com/.default");

    static EntraStandIn entra;

    @BeforeAll
    static void start() {
        entra = new EntraStandIn(TENANT, CLIENT, SECRET);
    }

    @AfterAll
    static void stop() {
        entra.close();
    }

    static AzureSettings settings(String secret) {
        Map<String, String> env = Map.of("AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", secret, "AZURE_TENANT_ID", TENANT,
                "AZURE_SUBSCRIPTION_ID", "00000000-0000-0000-0000-000000000001", "AZURE_AUTHORITY_HOST", entra.authorityHost());
        return AzureSettings.resolve(env, null, null, entra.httpClient(), "--subscription");
    }

    @Test
    void theRightSecretGetsATokenFromThePrivateAuthorityItselfWithoutInstanceDiscovery() {
        long before = entra.tokenRequests();

        AccessToken token = settings(SECRET).credential().getTokenSync(ARM_SCOPE);

        assertTrue(token.getToken().startsWith("entra-"), token.getToken());
        assertEquals(before + 1, entra.tokenRequests());
        EntraStandIn.Request request = entra.requests().get(entra.requests().size() - 1);
        assertEquals("/" + TENANT + "/oauth2/v2.0/token", request.path());
        assertTrue(request.form().get("scope").contains("https://management.azure.com/.default"), request.form().toString());
        assertEquals(List.of(), entra.requestsElsewhere(), "no instance discovery at Microsoft's public authority");
    }

    @Test
    void aRejectedSecretIsOneLineNamingTheSourceAndTheAuthorityAndIsNotAskedAgain() {
        AzureSettings settings = settings("wrong-secret-value");
        long before = entra.tokenRequests();

        CloudAuthenticationException first = assertThrows(CloudAuthenticationException.class,
                () -> settings.credential().getTokenSync(ARM_SCOPE));
        CloudAuthenticationException again = assertThrows(CloudAuthenticationException.class,
                () -> settings.credential().getToken(ARM_SCOPE).block());

        String authority = entra.authorityHost() + TENANT;
        assertEquals("Entra ID at " + authority + " rejected the credential from " + SOURCE + ": AADSTS7000215: Invalid client "
                + "secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, "
                + "for a secret added to app '" + CLIENT + "'.", first.getMessage());
        assertEquals(first.getMessage(), again.getMessage());
        assertFalse(first.getMessage().contains("wrong-secret-value"));
        assertEquals(before + 1, entra.tokenRequests(), "a refused secret is refused again: Entra ID is asked once");
        assertEquals(List.of(), entra.requestsElsewhere());
    }

    @Test
    void preflightsArmReadFailsInOneLineWhenEntraRejectsTheSecret() {
        AzureSettings settings = settings("another-wrong-secret");
        long before = entra.tokenRequests();
        try (ArmAksStandIn arm = new ArmAksStandIn("rg-shop", "shop-aks")) {
            AzureSettings atArm = new AzureSettings(settings.credential(), settings.credentialSource(), settings.subscriptionId(), arm.uri());

            CloudAuthenticationException e = assertThrows(CloudAuthenticationException.class, () -> new ArmAksReader(
                    AksClients.containerService(atArm, arm.httpClient()), atArm.credentialSource()).read("rg-shop", "shop-aks"));

            assertTrue(e.getMessage().startsWith("Entra ID at " + entra.authorityHost() + TENANT + " rejected the credential from "
                    + SOURCE + ": AADSTS7000215"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(List.of(), arm.authorizations(), "no request reached ARM without a token");
            assertEquals(before + 1, entra.tokenRequests(), "the pipeline's retries do not ask Entra ID again");
        }
    }
}
