package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.identity.AzureAuthorityHosts;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Azure configuration for reading the target AKS cluster through Azure Resource Manager, resolved once at the
 * edge: the credential, the subscription, and the ARM endpoint (public cloud by default; another cloud or a
 * local stand-in through {@code AZURE_RESOURCE_MANAGER_ENDPOINT}).
 *
 * @param credential             the Entra credential (its failures are {@link CloudAuthenticationException}s naming
 *                               the source and the authority)
 * @param credentialSource       where it came from, for messages
 * @param subscriptionId         the subscription
 * @param resourceManagerEndpoint ARM, e.g. {@code https://management.azure.com/}
 */
public record AzureSettings(TokenCredential credential, String credentialSource, String subscriptionId,
                            URI resourceManagerEndpoint) {

    /**
     * From an Entra identity (a Jenkins credential: a service principal with a secret or a certificate, or a managed
     * identity; else {@code AZURE_CLIENT_ID}/{@code AZURE_CLIENT_SECRET}/{@code AZURE_TENANT_ID});
     * {@code AZURE_AUTHORITY_HOST} names another Entra authority.
     *
     * @param subscriptionName how the front end names the subscription option ({@code --subscription} on the command
     *                         line, {@code 'subscription'} in a step), for the message when there is none
     */
    public static AzureSettings resolve(Map<String, String> env, AzureServicePrincipal principal, String subscriptionOption,
                                        String subscriptionName) {
        return resolve(env, principal, subscriptionOption, null, subscriptionName);
    }

    /**
     * The non-secret variables Azure tools read. A front end that runs the work elsewhere (a Jenkins agent) passes
     * these on from its environment; the secret ones travel as credentials.
     */
    public static final List<String> SETTINGS = List.of("AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT",
            "AZURE_SUBSCRIPTION_ID", "AZURE_TENANT_ID");

    /**
     * As {@link #resolve(Map, AzureServicePrincipal, String, String)}, the credential's token requests sent by
     * {@code entraHttp} (null: the SDK's default client). An authority that is not one of Microsoft's clouds is asked
     * directly: MSAL's instance discovery would ask {@code login.microsoftonline.com} about it, which a sovereign or
     * private authority cannot answer and an isolated network cannot reach.
     */
    public static AzureSettings resolve(Map<String, String> env, AzureServicePrincipal principal, String subscriptionOption,
                                        HttpClient entraHttp, String subscriptionName) {
        AzureServicePrincipal sp = principal != null ? principal : fromEnvironment(env);
        String subscription = firstNonBlank(subscriptionOption, sp.subscriptionId(), env.get("AZURE_SUBSCRIPTION_ID"));
        if (subscription == null) {
            throw new MigrationException("No Azure subscription: give " + subscriptionName + " or set AZURE_SUBSCRIPTION_ID");
        }
        String authorityHost = firstNonBlank(env.get("AZURE_AUTHORITY_HOST"), AzureAuthorityHosts.AZURE_PUBLIC_CLOUD);
        try {
            URI.create(authorityHost);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("AZURE_AUTHORITY_HOST is not a URL: '" + authorityHost + "' (expected e.g. "
                    + AzureAuthorityHosts.AZURE_PUBLIC_CLOUD + ")");
        }
        EntraCredential credential = EntraSignIn.credential(sp, authorityHost, entraHttp);
        String arm = firstNonBlank(env.get("AZURE_RESOURCE_MANAGER_ENDPOINT"), AzureEnvironment.AZURE.getResourceManagerEndpoint());
        return new AzureSettings(credential, sp.source(), subscription, URI.create(arm));
    }

    /** A service principal from the environment, or empty when neither the client id nor the secret is set. */
    public static Optional<AzureServicePrincipal> fromEnvironmentIfSet(Map<String, String> env) {
        if (blank(env.get("AZURE_CLIENT_ID")) && blank(env.get("AZURE_CLIENT_SECRET"))) {
            return Optional.empty();
        }
        return Optional.of(fromEnvironment(env));
    }

    /** A service principal from {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}, {@code AZURE_TENANT_ID}. */
    public static AzureServicePrincipal fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID"}) {
            if (env.get(name) == null || env.get(name).isBlank()) {
                throw new MigrationException("No Azure credentials: " + name + " is not set (set AZURE_CLIENT_ID, "
                        + "AZURE_CLIENT_SECRET and AZURE_TENANT_ID)");
            }
        }
        return new AzureServicePrincipal(env.get("AZURE_TENANT_ID").trim(), env.get("AZURE_CLIENT_ID").trim(),
                env.get("AZURE_CLIENT_SECRET"), env.get("AZURE_SUBSCRIPTION_ID"), "AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
