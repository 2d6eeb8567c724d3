package io.jenkins.plugins.eks2aks.steps.velero;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepParameters;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.velero.backup.BackupOptions;
import io.jenkins.plugins.eks2aks.velero.backup.BackupResult;
import io.jenkins.plugins.eks2aks.velero.backup.VeleroBackup;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreOptions;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreResult;
import io.jenkins.plugins.eks2aks.velero.restore.VeleroRestore;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyRestore;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;

/**
 * Runs one of the Velero use cases on the agent that holds the workspace, with the credentials the controller
 * resolved; returns plain JDK values (the result Map, plus {@code exitCode}).
 */
final class VeleroCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;
    static final ClusterAccessOptions.Names EKS_NAMES = new ClusterAccessOptions.Names("kubeconfig", "context", "cluster", "region",
            "resourceGroup", "cluster", "subscription");
    static final ClusterAccessOptions.Names AKS_NAMES = EKS_NAMES;

    /** Which use case. */
    enum Kind {
        BACKUP("veleroBackup"), RESTORE("aksRestore"), VERIFY("verifyRestore");

        private final String stepName;

        Kind(String stepName) {
            this.stepName = stepName;
        }

        String stepName() {
            return stepName;
        }
    }

    /** The cluster parameters, workspace-relative paths as given. */
    record Cluster(String kubeconfig, String context, String eksCluster, String region, String resourceGroup, String aksCluster,
                   String subscription) implements Serializable {
    }

    private final Kind kind;
    private final Cluster cluster;
    private final HashMap<String, Serializable> parameters;
    private final AwsKeys aws;
    private final AzureKeys azure;
    private final HashMap<String, String> environment;
    private final TaskListener listener;

    VeleroCallable(Kind kind, Cluster cluster, HashMap<String, Serializable> parameters, AwsKeys aws, AzureKeys azure,
                   HashMap<String, String> environment, TaskListener listener) {
        this.kind = kind;
        this.cluster = cluster;
        this.parameters = parameters;
        this.aws = aws;
        this.azure = azure;
        this.environment = environment;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath();
        BuildLogEvents events = new BuildLogEvents(listener);
        ClusterConnector connector = new ClusterConnector(environment, aws == null ? null : aws.toEngine(),
                azure == null ? null : azure.toEngine(), null, Duration.ofSeconds(30), Clock.systemUTC(), events);
        ClusterAccessOptions access = new ClusterAccessOptions(path(root, cluster.kubeconfig()), cluster.context(), cluster.eksCluster(),
                cluster.region(), cluster.resourceGroup(), cluster.aksCluster(), cluster.subscription());
        try {
            HashMap<String, Object> result = new HashMap<>();
            switch (kind) {
                case BACKUP -> {
                    BackupResult r = new VeleroBackup(events, Clock.systemUTC()).run(new BackupOptions(text("name"),
                            StepParameters.entries(text("includeNamespaces")), StepParameters.entries(text("excludeNamespaces")),
                            StepParameters.entries(text("includeResources")), text("selector"), text("storageLocation"), text("ttl"),
                            flag("fsBackup"), flag("snapshotVolumes"), text("veleroNamespace"), flag("wait"), text("timeout"),
                            Boolean.TRUE.equals(flag("dryRun")), path(root, text("output")), false, poll(), access)
                            .request(new BackupOptions.Names("name", "includeNamespaces", "selector", "ttl", "timeout", "output", EKS_NAMES), Clock.systemUTC()), connector);
                    result.putAll(r.toMap());
                    if (r.yaml() != null && Boolean.TRUE.equals(flag("dryRun"))) {
                        listener.getLogger().println(r.yaml());
                    }
                    result.put("exitCode", r.outcome().exitCode());
                }
                case RESTORE -> {
                    RestoreResult r = new VeleroRestore(events, Clock.systemUTC()).run(new RestoreOptions(text("backup"), text("storageAccount"),
                            text("container"), text("prefix"), text("storageResourceGroup"), cluster.subscription(), path(root, text("veleroConfigMaps")),
                            path(root, text("mappingFile")), StepParameters.entries(text("includeNamespaces")),
                            StepParameters.entries(text("namespaceMapping")), text("existingResourcePolicy"), text("veleroNamespace"), flag("wait"),
                            text("timeout"), flag("verify"), Boolean.TRUE.equals(flag("dryRun")), path(root, text("output")), false, poll(), access)
                            .request(new RestoreOptions.Names("backup", "storageAccount", "container", "storageResourceGroup", "veleroConfigMaps",
                                    "mappingFile", "namespaceMapping", "existingResourcePolicy", "timeout", "output", AKS_NAMES,
                                    "the convertManifests step with veleroConfigMaps: true", "run the verifyRestore step with namespaces")),
                            connector);
                    result.putAll(r.toMap());
                    if (r.yaml() != null && Boolean.TRUE.equals(flag("dryRun"))) {
                        listener.getLogger().println(r.yaml());
                    }
                    result.put("exitCode", r.outcome().exitCode());
                }
                case VERIFY -> {
                    var r = new VerifyRestore(events, Clock.systemUTC()).run(new VerifyOptions(StepParameters.entries(text("namespaces")),
                            path(root, text("expectObjects")), text("timeout"), path(root, text("output")), false, poll(), access)
                            .request(new VerifyOptions.Names("namespaces", "expectObjects", "timeout", "output", AKS_NAMES)), connector);
                    result.putAll(r.toMap());
                    result.put("exitCode", r.passed() ? 0 : 1);
                }
                default -> throw new IllegalStateException(kind.name());
            }
            return result;
        } catch (MigrationException e) {
            throw new AbortException(e.getMessage());
        } catch (RuntimeException e) {
            // An SDK's own exception must not cross the channel: the controller's class filter rejects it.
            throw StepFailure.of(kind.stepName(), e);
        }
    }

    private String text(String name) {
        return (String) parameters.get(name);
    }

    private Duration poll() {
        Long millis = (Long) parameters.get("pollMillis");
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private Boolean flag(String name) {
        return (Boolean) parameters.get(name);
    }

    private static Path path(Path root, String value) {
        return value == null ? null : root.resolve(value);
    }
}
