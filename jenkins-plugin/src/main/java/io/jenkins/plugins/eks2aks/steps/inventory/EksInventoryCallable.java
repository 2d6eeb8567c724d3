package io.jenkins.plugins.eks2aks.steps.inventory;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.inventory.InventoryOptions;
import io.jenkins.plugins.eks2aks.inventory.InventoryRunner;
import io.jenkins.plugins.eks2aks.inventory.InventorySpec;
import io.jenkins.plugins.eks2aks.inventory.InventorySummary;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashMap;

/**
 * Runs the inventory on the agent that holds the workspace. Carries strings, the derived AWS keys (as Secrets), the
 * non-secret AWS settings and the remotable listener; returns plain JDK types. The engine's {@link InventoryOptions}
 * validates the values (the same code as the CLI's) and {@link InventoryRunner} runs them.
 */
final class EksInventoryCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;
    /** How this step spells each option in the engine's messages. */
    static final InventoryOptions.Names NAMES = new InventoryOptions.Names("'cluster'", "'region'", "'dump'", "'kubeconfig'",
            "'output'", "'timeout'", FrontEndNames.STEPS);

    /** The step's parameters, workspace-relative paths as given. */
    record Parameters(String cluster, String region, String dump, String kubeconfig, String context, String output,
                      String sourceVersion, String targetVersion, boolean force) implements Serializable {
        private static final long serialVersionUID = 2L;

        InventoryOptions options() {
            return new InventoryOptions(cluster, region, null, dump, kubeconfig, context, output, force, sourceVersion, targetVersion, 0);
        }
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
        try {
            InventorySpec spec = parameters.options().request(NAMES, PathScope.workspace(workspace.toPath()));
            InventorySummary summary = new InventoryRunner(new BuildLogEvents(listener), Clock.systemUTC())
                    .run(spec, awsSettings, keys == null ? null : keys.toEngine());
            return new HashMap<>(summary.toMap());
        } catch (RuntimeException e) {
            // Only Jenkins' AbortException crosses back: the engine's and the SDKs' exceptions stay on the agent.
            throw StepFailure.of("eksInventory", e);
        }
    }
}
