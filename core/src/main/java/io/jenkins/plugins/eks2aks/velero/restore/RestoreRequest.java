package io.jenkins.plugins.eks2aks.velero.restore;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated restore (see {@link RestoreOptions}).
 *
 * @param location      the read-only BackupStorageLocation, {@code eks2aks-<backup>}
 * @param restoreName   the Restore, {@code eks2aks-restore-<backup>}
 * @param cluster       null only for a dry run without cluster options
 * @param names         how the edge names the options and the steps a message sends the user to
 */
public record RestoreRequest(String backup, String location, String restoreName, String storageAccount, String container,
                             String prefix, String storageResourceGroup, String subscription, Path veleroConfigMaps,
                             Path mapping, List<String> includeNamespaces, Map<String, String> namespaceMapping,
                             String existingResourcePolicy, String veleroNamespace, boolean waitForEnd, Duration timeout,
                             boolean verify, boolean dryRun, Path output, boolean forceOutput, Duration pollInterval,
                             ClusterAccess cluster, RestoreOptions.Names names) {
}
