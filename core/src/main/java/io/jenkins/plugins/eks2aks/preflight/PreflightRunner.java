package io.jenkins.plugins.eks2aks.preflight;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.events.EventSink;

import java.time.Clock;
import java.util.Map;

/** Runs a {@link PreflightSpec}: reads the requirements, ARM's and the Kubernetes API's view of the target, and checks. */
public final class PreflightRunner {

    private final EventSink events;
    private final Clock clock;

    public PreflightRunner(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param settings  the non-secret Azure settings of the front end's environment (AZURE_AUTHORITY_HOST, …)
     * @param principal the service principal the front end resolved, or null for the environment's
     */
    public PreflightSummary run(PreflightSpec spec, Map<String, String> settings, AzureServicePrincipal principal) {
        return run(spec, settings, principal, null);
    }

    /** As {@link #run(PreflightSpec, Map, AzureServicePrincipal)}, Entra ID and ARM reached through {@code azureHttp} (null: the default). */
    public PreflightSummary run(PreflightSpec spec, Map<String, String> settings, AzureServicePrincipal principal,
                                com.azure.core.http.HttpClient azureHttp) {
        PreflightRequirements requirements = spec.inventory() != null
                ? PreflightRequirements.fromInventory(spec.inventory(), spec.ingress(), spec.acr(), spec.veleroNamespace())
                : PreflightRequirements.withoutInventory(spec.sourceVersion(), spec.ingress(), spec.acr(), spec.veleroNamespace());
        AksFacts aks = null;
        CloudAuthenticationException signIn = null;
        if (spec.cluster() != null) {
            AzureSettings azure = AzureSettings.resolve(settings, principal, spec.subscription(), azureHttp, spec.subscriptionName());
            try {
                aks = new ArmAksReader(AksClients.containerService(azure, azureHttp != null ? azureHttp : AksClients.defaultHttpClient()), azure.credentialSource())
                        .read(spec.resourceGroup(), spec.cluster(), spec.acr());
            } catch (CloudAuthenticationException e) {
                signIn = e; // the checks that need no ARM still run and are reported; the run then fails with this line
            }
        }
        ClusterFacts cluster = null;
        if (spec.kubeconfig() != null) {
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(spec.kubeconfig(), spec.context(), spec.timeout())) {
                cluster = new KubernetesTargetReader(client).read(spec.veleroNamespace());
            }
        }
        PreflightSummary summary = new AksPreflight(events, clock).run(new PreflightRequest(spec.target(), requirements, aks, cluster,
                spec.resourceGroup(), spec.cluster(), spec.output(), spec.force()));
        if (signIn != null) {
            throw signIn;
        }
        return summary;
    }
}
