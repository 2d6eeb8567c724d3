package io.jenkins.plugins.eks2aks.velero.restore;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.velero.GoDurations;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;
import io.jenkins.plugins.eks2aks.velero.backup.BackupOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restore as the CLI options and the step parameters give it, unvalidated; {@link #request} validates it.
 *
 * @param backup                 the Backup to restore (required)
 * @param storageAccount         the Azure storage account the backup was copied to
 * @param container              its Blob container (the location's bucket)
 * @param prefix                 the prefix inside the container, or null
 * @param storageResourceGroup   the storage account's resource group
 * @param subscription           the storage account's subscription (and the AKS cluster's), or null
 * @param veleroConfigMaps       the folder {@code convert --velero-configmaps} wrote, or null
 * @param mapping                a mapping file to build the ConfigMaps from instead, or null
 * @param includeNamespaces      namespaces to restore (empty: all in the backup)
 * @param namespaceMapping       {@code old:new} entries
 * @param existingResourcePolicy {@code none} (default) or {@code update}
 * @param verify                 run verify-restore afterwards (default true)
 */
public record RestoreOptions(String backup, String storageAccount, String container, String prefix, String storageResourceGroup,
                             String subscription, Path veleroConfigMaps, Path mapping, List<String> includeNamespaces,
                             List<String> namespaceMapping, String existingResourcePolicy, String veleroNamespace,
                             Boolean waitForEnd, String timeout, Boolean verify, boolean dryRun, Path output,
                             boolean forceOutput, Duration pollInterval, ClusterAccessOptions cluster) {

    /**
     * What the edge calls each option, and what it runs for what a restore cannot do itself, since a build log must not
     * name a CLI command.
     *
     * @param configMapsWriter what writes the Velero ConfigMap folder: {@code eks2aks convert --velero-configmaps}, or the
     *                         {@code convertManifests} step with {@code veleroConfigMaps: true}
     * @param checkNamespaces  how to check chosen namespaces after a restore of all: {@code run eks2aks verify-restore
     *                         --namespaces NS}, or {@code run the verifyRestore step with namespaces}
     */
    public record Names(String backup, String storageAccount, String container, String storageResourceGroup,
                        String veleroConfigMaps, String mapping, String namespaceMapping, String existingResourcePolicy,
                        String timeout, String output, ClusterAccessOptions.Names cluster, String configMapsWriter,
                        String checkNamespaces) {

        public static final Names CLI = new Names("--backup", "--storage-account", "--container", "--storage-resource-group",
                "--velero-configmaps", "--mapping", "--namespace-mapping", "--existing-resource-policy", "--timeout", "--out",
                ClusterAccessOptions.Names.CLI, "eks2aks convert --velero-configmaps", "run eks2aks verify-restore --namespaces NS");
    }

    public RestoreRequest request(Names names) {
        if (backup == null) {
            throw new MigrationException("Give " + names.backup() + " NAME: the Backup to restore");
        }
        VeleroNames.check(backup, names.backup());
        require(storageAccount, names.storageAccount(), "the storage account the backup was copied to");
        require(container, names.container(), "the Blob container that holds the backup");
        require(storageResourceGroup, names.storageResourceGroup(), "the storage account's resource group");
        if (veleroConfigMaps != null && mapping != null) {
            throw new MigrationException(names.veleroConfigMaps() + " and " + names.mapping() + " both give the Velero ConfigMaps: give one");
        }
        String policy = existingResourcePolicy == null ? "none" : existingResourcePolicy;
        if (!policy.equals("none") && !policy.equals("update")) {
            throw new MigrationException(names.existingResourcePolicy() + " '" + policy + "': expected none or update");
        }
        Map<String, String> nsMapping = new LinkedHashMap<>();
        for (String entry : BackupOptionsLists.split(namespaceMapping)) {
            String[] parts = entry.split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new MigrationException(names.namespaceMapping() + " '" + entry + "': write old:new, e.g. shop:shop-aks");
            }
            nsMapping.put(VeleroNames.check(parts[0].trim(), names.namespaceMapping()), VeleroNames.check(parts[1].trim(), names.namespaceMapping()));
        }
        if (output == null && !dryRun) {
            throw new MigrationException("Give " + names.output() + " DIR: the restore's result (restore-result.json) goes there");
        }
        String ns = veleroNamespace == null ? "velero" : VeleroNames.check(veleroNamespace, "Velero namespace");
        ClusterAccess access = dryRun && cluster.equals(BackupOptions.NO_CLUSTER) ? null : cluster.access(names.cluster(), ClusterAccessOptions.Side.AKS);
        return new RestoreRequest(backup, "eks2aks-" + backup, "eks2aks-restore-" + backup, storageAccount.trim(), container.trim(),
                prefix == null || prefix.isBlank() ? null : prefix.trim(), storageResourceGroup.trim(),
                subscription == null || subscription.isBlank() ? null : subscription.trim(),
                veleroConfigMaps, mapping, BackupOptionsLists.split(includeNamespaces), Map.copyOf(nsMapping), policy, ns,
                waitForEnd == null || waitForEnd, timeout == null ? Duration.ofHours(2) : GoDurations.parse(timeout, names.timeout()),
                verify == null || verify, dryRun, output, forceOutput, pollInterval == null ? Duration.ofSeconds(10) : pollInterval, access,
                names);
    }

    private static void require(String value, String option, String what) {
        if (value == null || value.isBlank()) {
            throw new MigrationException("Give " + option + ": " + what);
        }
    }

    /** Comma-separated list values, split and trimmed. */
    static final class BackupOptionsLists {
        static List<String> split(List<String> values) {
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
    }
}
