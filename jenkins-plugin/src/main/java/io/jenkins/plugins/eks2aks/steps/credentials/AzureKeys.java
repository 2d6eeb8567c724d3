package io.jenkins.plugins.eks2aks.steps.credentials;

import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;

import java.io.Serializable;
import java.util.Base64;
import java.util.Map;

/**
 * An Azure identity derived on the controller, as it travels to the agent: a service principal with a client secret
 * or a certificate (PKCS#12, as a {@link Secret} with its password), or a managed identity (of the agent's machine);
 * and the credential's cloud: its Entra authority and Resource Manager endpoint.
 */
public final class AzureKeys implements Serializable {

    private static final long serialVersionUID = 2L;

    private final String tenantId;
    private final String clientId;
    private final Secret clientSecret;
    private final Secret certificate;
    private final Secret certificatePassword;
    private final boolean managedIdentity;
    private final String subscriptionId;
    private final String resourceManagerEndpoint;
    private final String authorityHost;
    private final String source;

    private AzureKeys(String tenantId, String clientId, Secret clientSecret, Secret certificate, Secret certificatePassword,
                      boolean managedIdentity, String subscriptionId, String resourceManagerEndpoint, String authorityHost, String source) {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.certificate = certificate;
        this.certificatePassword = certificatePassword;
        this.managedIdentity = managedIdentity;
        this.subscriptionId = subscriptionId;
        this.resourceManagerEndpoint = blankToNull(resourceManagerEndpoint);
        this.authorityHost = blankToNull(authorityHost);
        this.source = source;
    }

    /** A service principal with a client secret. */
    AzureKeys(String tenantId, String clientId, String clientSecret, String subscriptionId, String resourceManagerEndpoint, String source) {
        this(tenantId, clientId, Secret.fromString(clientSecret), null, null, false, subscriptionId, resourceManagerEndpoint, null, source);
    }

    static AzureKeys secret(String tenantId, String clientId, String clientSecret, String subscriptionId, String resourceManagerEndpoint,
                            String authorityHost, String source) {
        return new AzureKeys(tenantId, clientId, Secret.fromString(clientSecret), null, null, false, subscriptionId, resourceManagerEndpoint,
                authorityHost, source);
    }

    static AzureKeys certificate(String tenantId, String clientId, byte[] pkcs12, String password, String subscriptionId,
                                 String resourceManagerEndpoint, String authorityHost, String source) {
        return new AzureKeys(tenantId, clientId, null, Secret.fromString(Base64.getEncoder().encodeToString(pkcs12)),
                password == null ? null : Secret.fromString(password), false, subscriptionId, resourceManagerEndpoint, authorityHost, source);
    }

    static AzureKeys managedIdentity(String clientId, String subscriptionId, String resourceManagerEndpoint, String authorityHost, String source) {
        return new AzureKeys(null, clientId, null, null, null, true, subscriptionId, resourceManagerEndpoint, authorityHost, source);
    }

    /** A principal the engine read from an environment (its one reading of the AZURE_* variables). */
    static AzureKeys of(AzureServicePrincipal sp) {
        return new AzureKeys(sp.tenantId(), sp.clientId(), sp.clientSecret(), sp.subscriptionId(), null, sp.source());
    }

    public AzureServicePrincipal toEngine() {
        if (managedIdentity) {
            return AzureServicePrincipal.managedIdentity(clientId, subscriptionId, source);
        }
        if (certificate != null) {
            return AzureServicePrincipal.withCertificate(tenantId, clientId, Base64.getDecoder().decode(certificate.getPlainText()),
                    certificatePassword == null ? null : certificatePassword.getPlainText(), subscriptionId, source);
        }
        return new AzureServicePrincipal(tenantId, clientId, clientSecret.getPlainText(), subscriptionId, source);
    }

    /** ARM of the credential's cloud (public, China, US Government…), or null for the default. */
    public String resourceManagerEndpoint() {
        return resourceManagerEndpoint;
    }

    /** The Entra authority of the credential's cloud, or null for the default. */
    public String authorityHost() {
        return authorityHost;
    }

    /**
     * Puts the credential's cloud into the settings the engine reads ({@code AZURE_RESOURCE_MANAGER_ENDPOINT},
     * {@code AZURE_AUTHORITY_HOST}) unless the build's environment already sets them: every step signs in and calls
     * ARM in the cloud the credential belongs to.
     */
    public void cloud(Map<String, String> settings) {
        if (resourceManagerEndpoint != null) {
            settings.putIfAbsent("AZURE_RESOURCE_MANAGER_ENDPOINT", resourceManagerEndpoint);
        }
        if (authorityHost != null) {
            settings.putIfAbsent("AZURE_AUTHORITY_HOST", authorityHost);
        }
    }

    /** Adds the values the build log must never show: the client secret, the certificate and its password. */
    void secrets(java.util.List<Secret> out) {
        for (Secret secret : new Secret[] {clientSecret, certificate, certificatePassword}) {
            if (secret != null) {
                out.add(secret);
            }
        }
    }

    public String source() {
        return source;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "AzureKeys[" + (managedIdentity ? "managed identity" : certificate != null ? "certificate of client " + clientId
                : "client " + clientId) + ", from " + source + "]";
    }
}
