package io.jenkins.plugins.eks2aks.velero.backup;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.velero.GoDurations;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backup as the CLI options and the step parameters give it, unvalidated: plain values, null for "not given".
 * {@link #request} validates them into a {@link BackupRequest} with its defaults; only the names messages show differ
 * between the edges.
 *
 * @param name              the Backup's name, or null for {@code eks2aks-<utc timestamp>}
 * @param includeNamespaces namespaces to back up (empty: all)
 * @param excludeNamespaces namespaces to leave out
 * @param includeResources  resources to back up (empty: all)
 * @param selector          {@code k=v[,k=v]}, or null
 * @param storageLocation   the BackupStorageLocation, or null for {@code default}
 * @param ttl               how long Velero keeps the backup ({@code 720h}), or null for Velero's default
 * @param fsBackup          volumes through file-system backup (default true)
 * @param snapshotVolumes   native volume snapshots (default false: they cannot cross clouds)
 * @param veleroNamespace   Velero's namespace, or null for {@code velero}
 * @param waitForEnd            wait for the end (default true)
 * @param timeout           how long to wait ({@code 2h}), or null for 2 hours
 * @param dryRun            print the Backup, touch no cluster
 * @param output            where {@code backup-result.json} goes, or null (then dryRun must be set)
 * @param forceOutput       replace {@code output} even when eks2aks did not write it
 * @param pollInterval      how often the wait reads the Backup again besides watching it, or null for 10 s
 * @param cluster           the EKS cluster
 */
public record BackupOptions(String name, List<String> includeNamespaces, List<String> excludeNamespaces,
                            List<String> includeResources, String selector, String storageLocation, String ttl,
                            Boolean fsBackup, Boolean snapshotVolumes, String veleroNamespace, Boolean waitForEnd, String timeout,
                            boolean dryRun, Path output, boolean forceOutput, Duration pollInterval,
                            ClusterAccessOptions cluster) {

    /** What the edge calls each option. */
    public record Names(String name, String includeNamespaces, String selector, String ttl, String timeout, String output,
                        ClusterAccessOptions.Names cluster) {

        public static final Names CLI = new Names("--name", "--include-namespaces", "--selector", "--ttl", "--timeout", "--out", ClusterAccessOptions.Names.CLI);
    }

    public BackupRequest request(Names names, Clock clock) {
        String backupName = name == null ? VeleroNames.timestamped(clock.instant()) : VeleroNames.check(name, names.name());
        if (output == null && !dryRun) {
            throw new MigrationException("Give " + names.output() + " DIR: the backup's result (backup-result.json) goes there");
        }
        ClusterAccess access = dryRun && cluster.equals(NO_CLUSTER) ? null : cluster.access(names.cluster(), ClusterAccessOptions.Side.EKS);
        return new BackupRequest(backupName, list(includeNamespaces), list(excludeNamespaces), list(includeResources),
                selector == null ? Map.of() : selector(selector, names.selector()),
                storageLocation == null ? "default" : VeleroNames.check(storageLocation, "storage location"),
                ttl == null ? null : GoDurations.parse(ttl, names.ttl()),
                fsBackup == null || fsBackup, snapshotVolumes != null && snapshotVolumes,
                veleroNamespace == null ? "velero" : VeleroNames.check(veleroNamespace, "Velero namespace"),
                waitForEnd == null || waitForEnd, timeout == null ? Duration.ofHours(2) : GoDurations.parse(timeout, names.timeout()),
                dryRun, output, forceOutput, pollInterval == null ? Duration.ofSeconds(10) : pollInterval, access, names);
    }

    /** No cluster option at all: a dry run needs none. */
    public static final ClusterAccessOptions NO_CLUSTER = new ClusterAccessOptions(null, null, null, null, null, null, null);

    static List<String> list(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank() && !out.contains(part.trim())) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code k=v[,k=v]}: equality only, as {@code velero backup create --selector} takes matchLabels. */
    static Map<String, String> selector(String text, String option) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new MigrationException(option + " '" + text + "': write key=value pairs separated by commas, e.g. app=shop,tier=db");
            }
            labels.put(kv[0].trim(), kv[1].trim());
        }
        return Map.copyOf(labels);
    }
}
