package io.jenkins.plugins.eks2aks.credentials;

import java.util.Objects;

/**
 * A Microsoft Entra service principal with a client secret, and the subscription it works in.
 *
 * @param tenantId       the directory (tenant) id
 * @param clientId       the application (client) id
 * @param clientSecret   the client secret
 * @param subscriptionId the subscription, or null when the caller names it elsewhere
 * @param source         where the values came from, for messages: a credential id or variable names
 */
public record AzureServicePrincipal(String tenantId, String clientId, String clientSecret, String subscriptionId,
                                    String source) {

    public AzureServicePrincipal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(source, "source");
        subscriptionId = subscriptionId == null || subscriptionId.isBlank() ? null : subscriptionId;
    }

    @Override
    public String toString() {
        return "AzureServicePrincipal[client " + clientId + " in tenant " + tenantId + ", from " + source + "]";
    }
}
