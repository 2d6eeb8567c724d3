package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.models.CredentialResultsInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The user kubeconfig of an AKS cluster, as {@code az aks get-credentials} fetches it (ARM's
 * {@code listClusterUserCredential}). For a cluster with Entra ID (AAD) integration the kubeconfig's user runs
 * {@code kubelogin}, which an agent may not have: that user is replaced by an Entra token for the AKS server
 * application, from the same credential that read ARM.
 */
public final class AksUserKubeconfig {

    /** The AKS AAD server application; Entra tokens for the cluster carry it as audience. */
    static final String AKS_SERVER_SCOPE = "6dae42f8-4368-4678-94ff-3960e28e3630/.default";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * The kubeconfig text and, for an Entra-integrated cluster, the token provider to use instead of its user.
     *
     * @param text   the kubeconfig, its exec or auth-provider user removed when {@code tokens} is set
     * @param tokens Entra tokens for the cluster, or null when the kubeconfig's user authenticates on its own
     */
    public record Fetched(String text, OAuthTokenProvider tokens) {
    }

    private AksUserKubeconfig() {
    }

    public static Fetched fetch(ContainerServiceManager manager, AzureSettings azure, String resourceGroup, String name) {
        CredentialResultsInner result;
        try {
            result = manager.serviceClient().getManagedClusters().listClusterUserCredentials(resourceGroup, name);
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 404) {
                throw new MigrationException("AKS cluster '" + name + "' was not found in resource group '" + resourceGroup
                        + "': check the name, the resource group and the subscription", e);
            }
            throw new MigrationException("Azure refused the user kubeconfig of AKS cluster '" + name + "' (" + status + "): the identity from "
                    + azure.credentialSource() + " needs 'Azure Kubernetes Service Cluster User Role' on it", e);
        } catch (ClientAuthenticationException e) {
            throw new MigrationException("Azure rejected the credentials from " + azure.credentialSource() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (result == null || result.kubeconfigs() == null || result.kubeconfigs().isEmpty() || result.kubeconfigs().get(0).value() == null) {
            throw new MigrationException("Azure returned no user kubeconfig for AKS cluster '" + name + "'");
        }
        String text = new String(result.kubeconfigs().get(0).value(), StandardCharsets.UTF_8);
        return entraIntegrated(text) ? new Fetched(withoutExternalUsers(text), entraTokens(azure.credential())) : new Fetched(text, null);
    }

    /** Whether a user of the kubeconfig authenticates through kubelogin or the legacy azure auth provider. */
    static boolean entraIntegrated(String kubeconfig) {
        for (JsonNode user : read(kubeconfig).path("users")) {
            if (user.path("user").has("exec") || user.path("user").has("auth-provider")) {
                return true;
            }
        }
        return false;
    }

    static String withoutExternalUsers(String kubeconfig) {
        JsonNode root = read(kubeconfig);
        for (JsonNode user : root.path("users")) {
            if (user.path("user") instanceof ObjectNode u) {
                u.remove("exec");
                u.remove("auth-provider");
            }
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new MigrationException("Cannot write the AKS kubeconfig: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(String kubeconfig) {
        try {
            return YAML.readTree(kubeconfig);
        } catch (IOException e) {
            throw new MigrationException("The AKS user kubeconfig does not parse: " + e.getMessage(), e);
        }
    }

    /** Entra tokens for the AKS server application, fetched again a minute before they expire. */
    static OAuthTokenProvider entraTokens(TokenCredential credential) {
        return new OAuthTokenProvider() {
            private AccessToken current;

            @Override
            public synchronized String getToken() {
                if (current == null || current.getExpiresAt().isBefore(OffsetDateTime.now().plus(Duration.ofMinutes(1)))) {
                    current = credential.getTokenSync(new TokenRequestContext().addScopes(AKS_SERVER_SCOPE));
                }
                return current.getToken();
            }
        };
    }
}
