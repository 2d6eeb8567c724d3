package io.jenkins.plugins.eks2aks.steps.inventory;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.inventory.DumpObjects;
import io.jenkins.plugins.eks2aks.inventory.EksConnection;
import io.jenkins.plugins.eks2aks.inventory.EksInventory;
import io.jenkins.plugins.eks2aks.inventory.InventoryRequest;
import io.jenkins.plugins.eks2aks.inventory.InventorySummary;
import io.jenkins.plugins.eks2aks.inventory.LiveObjects;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;

/**
 * Runs the inventory on the agent that holds the workspace. Carries strings, the derived AWS keys (as Secrets), the
 * non-secret AWS settings and the remotable listener; returns plain JDK types.
 */
final class EksInventoryCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The step's parameters, workspace-relative paths as given. */
    record Parameters(String cluster, String region, String dump, String kubeconfig, String context, String output,
                      String sourceVersion, String targetVersion) implements Serializable {
    }

    private final Parameters parameters;
    private final AwsKeys keys;
    private final HashMap<String, String> awsSettings;
    private final TaskListener listener;

    EksInventoryCallable(Parameters parameters, AwsKeys keys, HashMap<String, String> awsSettings, TaskListener listener) {
        this.parameters = parameters;
        this.keys = keys;
        this.awsSettings = awsSettings;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath();
        BuildLogEvents events = new BuildLogEvents(listener);
        EksInventory inventory = new EksInventory(events, Clock.systemUTC());
        Path out = root.resolve(parameters.output());
        try {
            InventorySummary summary;
            if (parameters.dump() != null) {
                summary = inventory.run(new InventoryRequest(new DumpObjects(root.resolve(parameters.dump())), null,
                        parameters.sourceVersion(), parameters.targetVersion(), out));
            } else if (parameters.kubeconfig() != null) {
                try (KubernetesClient client = KubernetesClients.fromKubeconfig(root.resolve(parameters.kubeconfig()), parameters.context(), TIMEOUT)) {
                    summary = inventory.run(new InventoryRequest(new LiveObjects(client, "kubeconfig " + parameters.kubeconfig(), LiveObjects.DEFAULT_PAGE_SIZE, events),
                            null, parameters.sourceVersion(), parameters.targetVersion(), out));
                }
            } else {
                AwsSettings aws = AwsSettings.resolve(awsSettings, parameters.region(), null, keys == null ? null : keys.toEngine());
                try (EksConnection eks = EksConnection.open(aws, parameters.cluster(), TIMEOUT, Clock.systemUTC(), events)) {
                    summary = inventory.run(new InventoryRequest(eks.objects(events), eks.controlPlane(), null, parameters.targetVersion(), out));
                }
            }
            return new HashMap<>(summary.toMap());
        } catch (MigrationException e) {
            // The engine's exception stays on the agent; AbortException is Jenkins' own and fails the step in one line.
            throw new AbortException("eksInventory: " + e.getMessage());
        }
    }
}
