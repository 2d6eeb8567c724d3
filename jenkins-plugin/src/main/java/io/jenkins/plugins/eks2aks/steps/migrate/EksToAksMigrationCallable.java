package io.jenkins.plugins.eks2aks.steps.migrate;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.migrate.MigrateOptions;
import io.jenkins.plugins.eks2aks.migrate.MigrationClients;
import io.jenkins.plugins.eks2aks.migrate.MigrationRun;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Runs the migration where the workspace is (paths confined to it). Carries the parameters as plain values, the
 * derived credentials and the non-secret settings; returns plain JDK types.
 */
final class EksToAksMigrationCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    static final String STEP = "eksToAksMigration";
    static final String RESUME = "run eksToAksMigration again with the same parameters, without 'from' (finished steps are skipped)";
    static final MigrateOptions.Names NAMES = new MigrateOptions.Names("'manifests'", "'mappingFile'", "'output'", "'from'", "'until'",
            "'eksCluster'", "'region'", "'eksKubeconfig'", "'eksContext'", "'dump'", "'resourceGroup'", "'aksCluster'", "'subscription'",
            "'aksKubeconfig'", "'aksContext'", "'acr'", "'imagesFile'", "'imageMode'", "'backupName'", "'namespaces'", "'timeout'",
            "'storageSource'", "'storageDestination'", "'storageAccount'", "'container'", "'storageResourceGroup'",
            "the ecrToAcr step's 'force'", "the shiftTraffic step",
            FrontEndNames.STEPS);

    /** The step's parameters as plain values, workspace-relative paths as given; {@code namespaces} comma-separated. */
    record Parameters(String manifests, String mappingFile, String output, boolean force, String from, String until, boolean dryRun,
                      String eksCluster, String region, String eksKubeconfig, String eksContext, String dump, String resourceGroup,
                      String aksCluster, String subscription, String aksKubeconfig, String aksContext, String acr, String imagesFile,
                      String imageMode, String backupName, String namespaces, String veleroNamespace, String timeout,
                      String storageSource, String storageDestination, String storageAccount, String container,
                      String storageResourceGroup) implements Serializable {
        private static final long serialVersionUID = 1L;

        MigrateOptions options() {
            List<String> ns = new ArrayList<>();
            if (namespaces != null) {
                for (String n : namespaces.split(",")) {
                    ns.add(n.trim());
                }
            }
            return new MigrateOptions(manifests, mappingFile, output, force, from, until, dryRun, eksCluster, region, eksKubeconfig,
                    eksContext, dump, resourceGroup, aksCluster, subscription, aksKubeconfig, aksContext, acr, imagesFile, imageMode,
                    new ArrayList<>(), backupName, ns, veleroNamespace, timeout, storageSource, storageDestination, storageAccount,
                    container, storageResourceGroup);
        }
    }

    private final Parameters parameters;
    private final AwsKeys aws;
    private final AzureKeys azure;
    private final HashMap<String, String> settings;
    private final TaskListener listener;

    EksToAksMigrationCallable(Parameters parameters, AwsKeys aws, AzureKeys azure, HashMap<String, String> settings, TaskListener listener) {
        this.parameters = parameters;
        this.aws = aws;
        this.azure = azure;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws AbortException, InterruptedException {
        try {
            var request = parameters.options().request(NAMES, PathScope.workspace(workspace.toPath()));
            var clients = new MigrationClients(settings, aws == null ? null : aws.toEngine(), azure == null ? null : azure.toEngine(), null);
            return new HashMap<>(new MigrationRun(new BuildLogEvents(listener), Clock.systemUTC()).run(request, clients, RESUME).toMap());
        } catch (RuntimeException e) {
            // Only Jenkins' AbortException crosses back: the engine's and the SDKs' exceptions stay on the agent.
            throw StepFailure.of(STEP, e);
        }
    }
}
