package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.plan.MigrationStep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated migration run; build it with {@link MigrateOptions#request}. Components as in {@link MigrateOptions},
 * paths resolved, {@code names} for the steps' messages; {@code backupNamed} says whether the backup's name was given (else {@link MigrateOptions#DEFAULT_BACKUP_NAME}).
 */
public record MigrateRequest(Path manifests, Path mappingFile, Path output, boolean force, MigrationStep from, MigrationStep until,
                             boolean dryRun, String eksCluster, String region, Path sourceKubeconfig, String sourceContext,
                             Path dump, String resourceGroup, String aksCluster, String subscription, Path targetKubeconfig,
                             String targetContext, String acr, Path imagesFile, String imageMode, List<String> plainHttp,
                             String backupName, boolean backupNamed, List<String> namespaces, String veleroNamespace,
                             String timeout, String storageSource, String storageDestination, String storageAccount,
                             String container, String storageResourceGroup, Duration pollInterval,
                             MigrateOptions.Names names) {

    /** How often the Velero waits look at the Backup and the Restore. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    /** Whether EKS can be reached live (the backup needs it; a dump only feeds the inventory). */
    public boolean sourceLive() {
        return eksCluster != null || sourceKubeconfig != null;
    }

    /** Whether AKS can be reached. */
    public boolean targetLive() {
        return aksCluster != null || targetKubeconfig != null;
    }

    /** The folder step {@code step}'s reports go to. */
    public Path folder(MigrationStep step) {
        return output.resolve(step.key());
    }

    /** The same request, polling Velero every {@code interval} (tests). */
    public MigrateRequest withPollInterval(Duration interval) {
        return new MigrateRequest(manifests, mappingFile, output, force, from, until, dryRun, eksCluster, region, sourceKubeconfig,
                sourceContext, dump, resourceGroup, aksCluster, subscription, targetKubeconfig, targetContext, acr, imagesFile,
                imageMode, plainHttp, backupName, backupNamed, namespaces, veleroNamespace, timeout, storageSource,
                storageDestination, storageAccount, container, storageResourceGroup, interval, names);
    }
}
