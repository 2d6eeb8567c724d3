package io.jenkins.plugins.eks2aks.steps.credentials;

import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;

import java.io.Serializable;

/** A service principal derived on the controller, as it travels to the agent: the client secret as a {@link Secret}. */
public final class AzureKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String tenantId;
    private final String clientId;
    private final Secret clientSecret;
    private final String subscriptionId;
    private final String resourceManagerEndpoint;
    private final String source;

    AzureKeys(String tenantId, String clientId, String clientSecret, String subscriptionId, String resourceManagerEndpoint, String source) {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = Secret.fromString(clientSecret);
        this.subscriptionId = subscriptionId;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
        this.source = source;
    }

    /** A principal the engine read from an environment (its one reading of the AZURE_* variables). */
    static AzureKeys of(AzureServicePrincipal sp) {
        return new AzureKeys(sp.tenantId(), sp.clientId(), sp.clientSecret(), sp.subscriptionId(), null, sp.source());
    }

    public AzureServicePrincipal toEngine() {
        return new AzureServicePrincipal(tenantId, clientId, clientSecret.getPlainText(), subscriptionId, source);
    }

    /** ARM of the credential's cloud (public, China, US Government…), or null for the default. */
    public String resourceManagerEndpoint() {
        return resourceManagerEndpoint;
    }

    /** Adds the values the build log must never show: the client secret (ids are not secrets). */
    void secrets(java.util.List<Secret> out) {
        out.add(clientSecret);
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "AzureKeys[client " + clientId + ", from " + source + "]";
    }
}
