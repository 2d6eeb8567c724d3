package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the AKS (containerservice) manager for the settings, with the HTTP client the caller chooses: inside
 * Jenkins the Azure SDK's class-path discovery of HTTP clients does not work, so the client is always explicit.
 */
public final class AksClients {

    private AksClients() {
    }

    /** Netty, built explicitly: the client azure-sdk ships in Jenkins and azure-identity brings to the CLI. */
    public static HttpClient defaultHttpClient() {
        return new com.azure.core.http.netty.NettyAsyncHttpClientBuilder().build();
    }

    public static ContainerServiceManager containerService(AzureSettings settings, HttpClient httpClient) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", settings.resourceManagerEndpoint().toString());
        AzureProfile profile = new AzureProfile(null, settings.subscriptionId(), new AzureEnvironment(endpoints));
        return ContainerServiceManager.configure()
                .withHttpClient(httpClient)
                .withRetryPolicy(ArmRetry.policy())
                .authenticate(settings.credential(), profile);
    }
}
