package io.jenkins.plugins.eks2aks.traffic.azure;

import com.azure.core.http.HttpClient;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.traffic.DnsProvider;
import io.jenkins.plugins.eks2aks.traffic.OpenRouting;
import io.jenkins.plugins.eks2aks.traffic.TrafficRequest;

/** The Traffic Manager routing (behind Azure DNS when the request names a zone) for settings resolved at the edge. */
public final class AzureRoutings {

    private AzureRoutings() {
    }

    public static OpenRouting open(TrafficRequest request, AzureSettings settings, HttpClient http) {
        var dns = request.provider() == DnsProvider.AZURE_DNS ? AzureTrafficClients.dns(settings, http).serviceClient() : null;
        TrafficManagerRouting routing = new TrafficManagerRouting(AzureTrafficClients.trafficManager(settings, http).serviceClient(), dns,
                request.resourceGroup(), request.profile(), request.provider() == DnsProvider.AZURE_DNS ? request.zone() : null);
        return new OpenRouting(routing, () -> { }); // the Azure HTTP client is shared and has nothing to close
    }
}
