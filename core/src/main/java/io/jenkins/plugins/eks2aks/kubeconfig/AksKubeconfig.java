package io.jenkins.plugins.eks2aks.kubeconfig;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.models.CredentialResultsInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kubeconfig {@code az aks get-credentials} would write, made usable without {@code kubelogin}: ARM's
 * {@code listClusterUserCredential} (or {@code listClusterAdminCredential} when asked for admin), and for a cluster
 * with Entra ID integration every {@code kubelogin} exec entry (or legacy {@code azure} auth-provider) replaced by an
 * Entra token for the cluster's server application, fetched with the same credential. Admin credentials bypass
 * Kubernetes RBAC, so they are only used when asked for.
 */
public final class AksKubeconfig {

    /** The Entra application every AKS API server accepts tokens for (AKS-managed Entra integration). */
    public static final String AKS_SERVER_APP_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

    private final ContainerServiceManager manager;
    private final TokenCredential credential;
    private final String credentialSource;
    private final Duration timeout;

    public AksKubeconfig(ContainerServiceManager manager, TokenCredential credential, String credentialSource, Duration timeout) {
        this.manager = manager;
        this.credential = credential;
        this.credentialSource = credentialSource;
        this.timeout = timeout;
    }

    public Kubeconfig create(String resourceGroup, String name, boolean admin, EventSink events) {
        String what = (admin ? "admin" : "user") + " credentials of AKS cluster '" + name + "'";
        CredentialResultsInner results = list(resourceGroup, name, admin, what);
        if (results == null || results.kubeconfigs() == null || results.kubeconfigs().isEmpty()
                || results.kubeconfigs().get(0).value() == null) {
            throw new MigrationException("Azure returned no kubeconfig in the " + what + " (resource group '" + resourceGroup + "')");
        }
        ObjectNode root = KubeconfigYaml.read(new String(results.kubeconfigs().get(0).value(), StandardCharsets.UTF_8), "The " + what);
        Instant expiresAt = null;
        String token = null;
        for (ObjectNode user : KubeconfigYaml.users(root)) {
            String serverId = entraServerId(user);
            if (serverId != null) {
                AccessToken entra = entraToken(serverId, name);
                user.remove("exec");
                user.remove("auth-provider");
                user.put("token", entra.getToken());
                token = entra.getToken();
                expiresAt = entra.getExpiresAt() == null ? null : entra.getExpiresAt().toInstant();
            } else if (user.hasNonNull("token")) {
                token = user.get("token").asText();
            }
        }
        List<String> secrets = new ArrayList<>(KubeconfigYaml.secrets(root));
        events.info("kubeconfig", "AKS cluster " + name + ": " + (admin ? "admin" : "user") + " kubeconfig"
                + (expiresAt == null ? "" : " with an Entra token valid until " + expiresAt));
        return new Kubeconfig(KubeconfigYaml.write(root), token, secrets, expiresAt);
    }

    /** The Entra server application a user entry signs in to with kubelogin (or the legacy azure provider), or null. */
    static String entraServerId(ObjectNode user) {
        JsonNode exec = user.path("exec");
        if (exec.path("command").asText("").contains("kubelogin")) {
            JsonNode args = exec.path("args");
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).asText().equals("--server-id")) {
                    return args.get(i + 1).asText();
                }
            }
            return AKS_SERVER_APP_ID;
        }
        JsonNode provider = user.path("auth-provider");
        if (provider.path("name").asText("").equals("azure")) {
            return provider.path("config").path("apiserver-id").asText(AKS_SERVER_APP_ID);
        }
        return null;
    }

    private AccessToken entraToken(String serverId, String cluster) {
        try {
            AccessToken token = credential.getToken(new TokenRequestContext().addScopes(serverId + "/.default")).block(timeout);
            if (token == null) {
                throw new MigrationException("Entra ID gave no token for AKS cluster '" + cluster + "' to " + credentialSource);
            }
            return token;
        } catch (ClientAuthenticationException e) {
            throw new MigrationException("Entra ID refused a token for AKS cluster '" + cluster + "' (server application "
                    + serverId + ") to " + credentialSource + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IllegalStateException e) {
            throw new MigrationException("Entra ID did not answer within " + timeout.toSeconds() + " s for AKS cluster '"
                    + cluster + "'", e);
        }
    }

    private CredentialResultsInner list(String resourceGroup, String name, boolean admin, String what) {
        try {
            var clusters = manager.serviceClient().getManagedClusters();
            return admin ? clusters.listClusterAdminCredentials(resourceGroup, name)
                    : clusters.listClusterUserCredentials(resourceGroup, name);
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            String code = e.getValue() == null ? "" : e.getValue().getCode();
            String message = e.getValue() == null ? "" : e.getValue().getMessage();
            if (status == 404) {
                throw new MigrationException("AKS cluster '" + name + "' was not found in resource group '" + resourceGroup
                        + "' (" + code + "): check the name, the resource group and the subscription", e);
            }
            if (status == 401 || status == 403) {
                throw new MigrationException("Azure denied the " + what + " to the identity from " + credentialSource + " (" + status
                        + " " + code + "): it needs the 'Azure Kubernetes Service Cluster " + (admin ? "Admin" : "User") + " Role'", e);
            }
            throw new MigrationException("Azure refused the " + what + ": " + status + " " + code + " " + message, e);
        } catch (ClientAuthenticationException e) {
            throw new MigrationException("Azure rejected the credentials from " + credentialSource + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
