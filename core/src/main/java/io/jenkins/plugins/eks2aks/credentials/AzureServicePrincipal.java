package io.jenkins.plugins.eks2aks.credentials;

import java.util.Objects;

/**
 * A Microsoft Entra identity and the subscription it works in: a service principal with a client secret or a
 * certificate, or a managed identity (of the machine the work runs on).
 *
 * @param tenantId            the directory (tenant) id; null for a managed identity
 * @param clientId            the application (client) id; for a managed identity the user-assigned one, or null for
 *                            the system-assigned identity
 * @param clientSecret        the client secret, or null
 * @param certificate         the client certificate with its private key as PKCS#12 bytes, or null
 * @param certificatePassword the PKCS#12 password, or null
 * @param managedIdentity     whether this is a managed identity (no secret, no certificate)
 * @param subscriptionId      the subscription, or null when the caller names it elsewhere
 * @param source              where the values came from, for messages: a credential id or variable names
 */
public record AzureServicePrincipal(String tenantId, String clientId, String clientSecret, byte[] certificate,
                                    String certificatePassword, boolean managedIdentity, String subscriptionId, String source) {

    public AzureServicePrincipal {
        Objects.requireNonNull(source, "source");
        if (!managedIdentity) {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(clientId, "clientId");
            if (clientSecret == null && certificate == null) {
                throw new NullPointerException("clientSecret or certificate");
            }
        }
        subscriptionId = subscriptionId == null || subscriptionId.isBlank() ? null : subscriptionId;
        certificate = certificate == null ? null : certificate.clone();
    }

    /** A service principal with a client secret. */
    public AzureServicePrincipal(String tenantId, String clientId, String clientSecret, String subscriptionId, String source) {
        this(tenantId, clientId, Objects.requireNonNull(clientSecret, "clientSecret"), null, null, false, subscriptionId, source);
    }

    /** A service principal that signs in with a certificate (PKCS#12 bytes holding the certificate and its key). */
    public static AzureServicePrincipal withCertificate(String tenantId, String clientId, byte[] pkcs12, String password,
                                                        String subscriptionId, String source) {
        return new AzureServicePrincipal(tenantId, clientId, null, Objects.requireNonNull(pkcs12, "certificate"), password, false,
                subscriptionId, source);
    }

    /** The managed identity of the machine the work runs on: user-assigned with {@code clientId}, else system-assigned. */
    public static AzureServicePrincipal managedIdentity(String clientId, String subscriptionId, String source) {
        return new AzureServicePrincipal(null, clientId == null || clientId.isBlank() ? null : clientId, null, null, null, true,
                subscriptionId, source);
    }

    @Override
    public byte[] certificate() {
        return certificate == null ? null : certificate.clone();
    }

    /** How it signs in, for messages: never a secret. */
    public String kind() {
        return managedIdentity ? "managed identity" + (clientId == null ? " (system-assigned)" : " " + clientId)
                : certificate != null ? "service principal " + clientId + " (certificate)" : "service principal " + clientId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AzureServicePrincipal p && Objects.equals(tenantId, p.tenantId) && Objects.equals(clientId, p.clientId)
                && Objects.equals(clientSecret, p.clientSecret) && java.util.Arrays.equals(certificate, p.certificate)
                && Objects.equals(certificatePassword, p.certificatePassword) && managedIdentity == p.managedIdentity
                && Objects.equals(subscriptionId, p.subscriptionId) && source.equals(p.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, clientId, managedIdentity, subscriptionId, source);
    }

    @Override
    public String toString() {
        return "AzureServicePrincipal[" + kind() + (tenantId == null ? "" : " in tenant " + tenantId) + ", from " + source + "]";
    }
}
