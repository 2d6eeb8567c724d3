package io.jenkins.plugins.eks2aks.inventory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.events.EventSink;

import java.time.Clock;
import java.util.Map;

/** Runs an {@link InventorySpec}: opens the source it names (a dump, a kubeconfig, or EKS), inventories it, closes it. */
public final class InventoryRunner {

    private final EventSink events;
    private final Clock clock;

    public InventoryRunner(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param settings the non-secret AWS settings of the front end's environment (AWS_REGION, AWS_ENDPOINT_URL*, …)
     * @param aws      keys the front end resolved, or null for the environment's and then the SDK's default chain
     */
    public InventorySummary run(InventorySpec spec, Map<String, String> settings, AwsCredentials aws) {
        EksInventory inventory = new EksInventory(events, clock);
        switch (spec.source()) {
            case DUMP -> {
                return inventory.run(new InventoryRequest(new DumpObjects(spec.dump()), null, spec.sourceVersion(),
                        spec.targetVersion(), spec.output(), spec.force(), spec.frontEnd()));
            }
            case KUBECONFIG -> {
                try (KubernetesClient client = KubernetesClients.fromKubeconfig(spec.kubeconfig(), spec.context(), spec.timeout())) {
                    LiveObjects objects = new LiveObjects(client, spec.shownSource(), LiveObjects.DEFAULT_PAGE_SIZE, events);
                    return inventory.run(new InventoryRequest(objects, null, spec.sourceVersion(), spec.targetVersion(),
                            spec.output(), spec.force(), spec.frontEnd()));
                }
            }
            default -> {
                AwsSettings resolved = AwsSettings.resolve(settings, spec.region(), spec.profile(), aws, spec.regionName());
                try (EksConnection eks = EksConnection.open(resolved, spec.cluster(), spec.timeout(), clock, events)) {
                    return inventory.run(new InventoryRequest(eks.objects(events), eks.controlPlane(), null, spec.targetVersion(),
                            spec.output(), spec.force(), spec.frontEnd()));
                }
            }
        }
    }
}
