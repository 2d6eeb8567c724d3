package io.jenkins.plugins.eks2aks.steps.preflight;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.preflight.PreflightOptions;
import io.jenkins.plugins.eks2aks.preflight.PreflightRunner;
import io.jenkins.plugins.eks2aks.preflight.PreflightSpec;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashMap;

/**
 * Runs the preflight checks on the agent that holds the workspace; returns plain JDK types. The engine's
 * {@link PreflightOptions} validates the values (the same code as the CLI's) and {@link PreflightRunner} runs them.
 */
final class AksPreflightCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;
    /** How this step spells each option in the engine's messages. */
    static final PreflightOptions.Names NAMES = new PreflightOptions.Names("'resourceGroup'", "'cluster'", "'subscription'",
            "'kubeconfig'", "'inventory'", "'ingress'", "'output'", "'timeout'");

    /** The step's parameters, workspace-relative paths as given. */
    record Parameters(String resourceGroup, String cluster, String subscription, String kubeconfig, String context,
                      String inventory, String sourceVersion, String ingress, String acr, String veleroNamespace,
                      String output, boolean force) implements Serializable {
        private static final long serialVersionUID = 2L;

        PreflightOptions options() {
            return new PreflightOptions(resourceGroup, cluster, subscription, kubeconfig, context, inventory, sourceVersion, ingress,
                    acr, veleroNamespace, output, force, 0);
        }
    }

    private final Parameters p;
    private final AzureKeys keys;
    private final HashMap<String, String> azureSettings;
    private final TaskListener listener;

    AksPreflightCallable(Parameters parameters, AzureKeys keys, HashMap<String, String> azureSettings, TaskListener listener) {
        this.p = parameters;
        this.keys = keys;
        this.azureSettings = azureSettings;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            PreflightSpec spec = p.options().request(NAMES, PathScope.workspace(workspace.toPath()));
            return new HashMap<>(new PreflightRunner(new BuildLogEvents(listener), Clock.systemUTC())
                    .run(spec, azureSettings, keys == null ? null : keys.toEngine()).toMap());
        } catch (RuntimeException e) {
            // Only Jenkins' AbortException crosses back: the engine's and the SDKs' exceptions stay on the agent.
            throw StepFailure.of("aksPreflight", e);
        }
    }
}
