package io.jenkins.plugins.eks2aks.connect;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AksUserKubeconfig;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;
import io.jenkins.plugins.eks2aks.clusters.EksApiServer;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.events.EventSink;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Opens a fabric8 client for a {@link ClusterAccess}, the same way for every command and step: a kubeconfig file as
 * given; an EKS cluster through DescribeCluster alone and the EKS token (presigned locally, no call); an AKS cluster through
 * its user kubeconfig from Azure Resource Manager (as {@code preflight} reads the cluster), with an Entra token when
 * the cluster is Entra-integrated. The environment and the credentials are the edge's, passed in.
 */
public final class ClusterConnector {

    private final Map<String, String> environment;
    private final AwsCredentials aws;
    private final AzureServicePrincipal azure;
    private final com.azure.core.http.HttpClient azureHttp;
    private final Duration timeout;
    private final Clock clock;
    private final EventSink events;

    /**
     * @param environment where AWS and Azure settings are read from ({@code AWS_REGION}, {@code AZURE_*}, endpoints)
     * @param aws         explicit AWS credentials (a Jenkins credential), or null for the environment's
     * @param azure       an explicit service principal, or null for the environment's
     * @param azureHttp   the HTTP client for ARM and Entra ID, or null for the default
     * @param timeout     of each API call
     */
    public ClusterConnector(Map<String, String> environment, AwsCredentials aws, AzureServicePrincipal azure,
                            com.azure.core.http.HttpClient azureHttp, Duration timeout, Clock clock, EventSink events) {
        this.environment = Map.copyOf(environment);
        this.aws = aws;
        this.azure = azure;
        this.azureHttp = azureHttp;
        this.timeout = timeout;
        this.clock = clock;
        this.events = events;
    }

    /** A connector for kubeconfig files only (no cloud settings). */
    public static ClusterConnector kubeconfigOnly(Duration timeout) {
        return new ClusterConnector(Map.of(), null, null, null, timeout, Clock.systemUTC(), EventSink.NONE);
    }

    public KubernetesClient connect(ClusterAccess access) {
        if (access.kubeconfig() != null) {
            return KubernetesClients.fromKubeconfig(access.kubeconfig(), access.context(), timeout);
        }
        if (access.eksCluster() != null) {
            AwsSettings settings = AwsSettings.resolve(environment, access.region(), null, aws, access.names().region());
            // DescribeCluster alone: the whole control plane (node groups, add-ons, insights) is the inventory's
            // business, and its List/Describe permissions are more than a least-privilege backup role holds.
            EksApiServer server = EksApiServer.describe(settings, access.eksCluster(), timeout);
            events.info("connect", "EKS cluster " + server.name() + ": API server " + server.endpoint());
            return server.connect(settings, timeout, clock);
        }
        AzureSettings settings = AzureSettings.resolve(environment, azure, access.subscription(), azureHttp, access.names().subscription());
        var manager = AksClients.containerService(settings, azureHttp != null ? azureHttp : AksClients.defaultHttpClient());
        AksUserKubeconfig.Fetched fetched = AksUserKubeconfig.fetch(manager, settings, access.resourceGroup(), access.aksName());
        return KubernetesClients.fromKubeconfigText(fetched.text(), access.describe(), fetched.tokens(), timeout);
    }
}
