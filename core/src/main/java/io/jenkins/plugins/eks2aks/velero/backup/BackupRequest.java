package io.jenkins.plugins.eks2aks.velero.backup;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated backup, defaults applied (see {@link BackupOptions}).
 *
 * @param cluster null only for a dry run without cluster options
 * @param names   how the edge names the options, for messages that send the user back to one
 */
public record BackupRequest(String name, List<String> includeNamespaces, List<String> excludeNamespaces,
                            List<String> includeResources, Map<String, String> selector, String storageLocation,
                            Duration ttl, boolean fsBackup, boolean snapshotVolumes, String veleroNamespace, boolean waitForEnd,
                            Duration timeout, boolean dryRun, Path output, boolean forceOutput, Duration pollInterval,
                            ClusterAccess cluster, BackupOptions.Names names) {
}
