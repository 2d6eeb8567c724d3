package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.AzureAuthorityHosts;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;

import java.io.ByteArrayInputStream;
import java.net.URI;

/**
 * The one place an Entra identity becomes an SDK credential: a client secret or a certificate signs in at the
 * identity's cloud (the authority host: public, China, US Government, or a private one), a managed identity asks the
 * machine's identity endpoint. Failures read as one line naming the source and the authority ({@link EntraCredential}).
 */
public final class EntraSignIn {

    private EntraSignIn() {
    }

    /**
     * @param authorityHost the Entra authority host ({@code AZURE_AUTHORITY_HOST}, a credential's active directory
     *                      endpoint), or null for the public cloud
     * @param http          the client for token requests, or null for the SDK's
     */
    public static EntraCredential credential(AzureServicePrincipal sp, String authorityHost, HttpClient http) {
        if (sp.managedIdentity()) {
            ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
            if (sp.clientId() != null) {
                builder.clientId(sp.clientId());
            }
            if (http != null) {
                builder.httpClient(http);
            }
            return new EntraCredential(builder.build(), sp.source(), "the managed identity endpoint of this machine");
        }
        String host = authorityHost == null || authorityHost.isBlank() ? AzureAuthorityHosts.AZURE_PUBLIC_CLOUD : authorityHost.trim();
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            throw new MigrationException("The Entra authority host is not a URL: '" + host + "' (expected e.g. "
                    + AzureAuthorityHosts.AZURE_PUBLIC_CLOUD + ")");
        }
        // MSAL's instance discovery asks login.microsoftonline.com about the authority: a sovereign or private one
        // cannot be answered there, and an isolated network cannot reach it.
        boolean discovery = EntraCredential.isMicrosoftAuthority(uri.getHost());
        TokenCredential credential;
        if (sp.certificate() != null) {
            ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder().tenantId(sp.tenantId())
                    .clientId(sp.clientId()).pfxCertificate(new ByteArrayInputStream(sp.certificate())).authorityHost(host);
            if (sp.certificatePassword() != null) {
                builder.clientCertificatePassword(sp.certificatePassword());
            }
            if (!discovery) {
                builder.disableInstanceDiscovery();
            }
            if (http != null) {
                builder.httpClient(http);
            }
            credential = builder.build();
        } else {
            ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().tenantId(sp.tenantId())
                    .clientId(sp.clientId()).clientSecret(sp.clientSecret()).authorityHost(host);
            if (!discovery) {
                builder.disableInstanceDiscovery();
            }
            if (http != null) {
                builder.httpClient(http);
            }
            credential = builder.build();
        }
        return new EntraCredential(credential, sp.source(), host.replaceAll("/+$", "") + "/" + sp.tenantId());
    }
}
