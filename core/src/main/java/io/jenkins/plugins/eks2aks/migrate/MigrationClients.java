package io.jenkins.plugins.eks2aks.migrate;

import com.azure.core.http.HttpClient;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.images.RegistryLogins;

import java.util.Map;

/**
 * What the front end resolved at its edge for the steps' clients: non-secret settings ({@code AWS_*}, {@code AZURE_*},
 * endpoints) and the credentials it holds, each null for the environment's.
 *
 * @param settings the settings every step's clients read (the CLI passes its environment)
 * @param aws      AWS keys, or null for the SDK's default chain
 * @param azure    the Azure service principal, or null for the environment's
 * @param logins    registry credentials of the front end's own, or {@link RegistryLogins#NONE}
 * @param azureHttp the HTTP client for Entra ID and Azure Resource Manager, or null for the SDK's default (a rehearsal
 *                  points it at its loopback stand-ins)
 */
public record MigrationClients(Map<String, String> settings, AwsCredentials aws, AzureServicePrincipal azure, RegistryLogins logins,
                               HttpClient azureHttp) {

    public MigrationClients {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        logins = logins == null ? RegistryLogins.NONE : logins;
    }

    /** With the SDK's default HTTP client for Azure. */
    public MigrationClients(Map<String, String> settings, AwsCredentials aws, AzureServicePrincipal azure, RegistryLogins logins) {
        this(settings, aws, azure, logins, null);
    }
}
