package io.jenkins.plugins.eks2aks.traffic.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.dns.DnsZoneManager;
import com.azure.resourcemanager.trafficmanager.TrafficManager;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;

import java.util.HashMap;
import java.util.Map;

/** Builds the Traffic Manager and Azure DNS managers for the settings, with the HTTP client the caller chooses. */
public final class AzureTrafficClients {

    private AzureTrafficClients() {
    }

    public static TrafficManager trafficManager(AzureSettings settings, HttpClient http) {
        return TrafficManager.configure().withHttpClient(http).authenticate(settings.credential(), profile(settings));
    }

    public static DnsZoneManager dns(AzureSettings settings, HttpClient http) {
        return DnsZoneManager.configure().withHttpClient(http).authenticate(settings.credential(), profile(settings));
    }

    private static AzureProfile profile(AzureSettings settings) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", settings.resourceManagerEndpoint().toString());
        return new AzureProfile(null, settings.subscriptionId(), new AzureEnvironment(endpoints));
    }
}
