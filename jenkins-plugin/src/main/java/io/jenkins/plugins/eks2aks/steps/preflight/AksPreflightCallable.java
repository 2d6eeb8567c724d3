package io.jenkins.plugins.eks2aks.steps.preflight;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.preflight.AksFacts;
import io.jenkins.plugins.eks2aks.preflight.AksPreflight;
import io.jenkins.plugins.eks2aks.preflight.ArmAksReader;
import io.jenkins.plugins.eks2aks.preflight.ClusterFacts;
import io.jenkins.plugins.eks2aks.preflight.KubernetesTargetReader;
import io.jenkins.plugins.eks2aks.preflight.PreflightRequest;
import io.jenkins.plugins.eks2aks.preflight.PreflightRequirements;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;

/** Runs the preflight checks on the agent that holds the workspace; returns plain JDK types. */
final class AksPreflightCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's parameters, workspace-relative paths as given. */
    record Parameters(String resourceGroup, String cluster, String subscription, String kubeconfig, String context,
                      String inventory, String sourceVersion, String ingress, String acr, String veleroNamespace,
                      String output) implements Serializable {
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
        Path root = workspace.toPath();
        try {
            PreflightRequirements requirements = p.inventory() != null
                    ? PreflightRequirements.fromInventory(root.resolve(p.inventory()), p.ingress(), p.acr(), p.veleroNamespace())
                    : PreflightRequirements.withoutInventory(p.sourceVersion(), p.ingress(), p.acr(), p.veleroNamespace());
            AksFacts aks = null;
            CloudAuthenticationException signIn = null;
            if (p.cluster() != null) {
                AzureSettings azure = AzureSettings.resolve(azureSettings, keys.toEngine(), p.subscription());
                try {
                    aks = new ArmAksReader(AksClients.containerService(azure, AksClients.defaultHttpClient()), azure.credentialSource())
                            .read(p.resourceGroup(), p.cluster(), p.acr());
                } catch (CloudAuthenticationException e) {
                    signIn = e; // the other checks still run and are reported; the step then fails with this line
                }
            }
            ClusterFacts cluster = null;
            if (p.kubeconfig() != null) {
                try (KubernetesClient client = KubernetesClients.fromKubeconfig(root.resolve(p.kubeconfig()), p.context(), Duration.ofSeconds(30))) {
                    cluster = new KubernetesTargetReader(client).read(p.veleroNamespace());
                }
            }
            String target = p.cluster() != null ? "AKS " + p.cluster() + " in " + p.resourceGroup() : "kubeconfig " + p.kubeconfig();
            HashMap<String, Object> result = new HashMap<>(new AksPreflight(new BuildLogEvents(listener), Clock.systemUTC()).run(
                    new PreflightRequest(target, requirements, aks, cluster, p.resourceGroup(), p.cluster(), root.resolve(p.output()))).toMap());
            if (signIn != null) {
                throw signIn;
            }
            return result;
        } catch (MigrationException e) {
            throw new AbortException("aksPreflight: " + e.getMessage());
        }
    }
}
