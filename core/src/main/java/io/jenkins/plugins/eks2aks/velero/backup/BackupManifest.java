package io.jenkins.plugins.eks2aks.velero.backup;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.eks2aks.velero.GoDurations;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Backup a request asks for, and how an existing Backup of the same name differs from it. */
public final class BackupManifest {

    private BackupManifest() {
    }

    public static Backup of(BackupRequest request) {
        Backup backup = new Backup();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(request.name());
        meta.setNamespace(request.veleroNamespace());
        meta.setLabels(new LinkedHashMap<>(Map.of(VeleroNames.MANAGED_BY, VeleroNames.EKS2AKS)));
        backup.setMetadata(meta);
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(nullIfEmpty(request.includeNamespaces()));
        spec.setExcludedNamespaces(nullIfEmpty(request.excludeNamespaces()));
        spec.setIncludedResources(nullIfEmpty(request.includeResources()));
        if (!request.selector().isEmpty()) {
            LabelSelector selector = new LabelSelector();
            selector.setMatchLabels(new HashMap<>(request.selector()));
            spec.setLabelSelector(selector);
        }
        spec.setStorageLocation(request.storageLocation());
        spec.setTtl(request.ttl() == null ? null : GoDurations.format(request.ttl()));
        spec.setSnapshotVolumes(request.snapshotVolumes());
        spec.setDefaultVolumesToFsBackup(request.fsBackup());
        backup.setSpec(spec);
        return backup;
    }

    public static String yaml(Backup backup) {
        return Serialization.asYaml(backup);
    }

    /**
     * The fields where {@code existing} differs from {@code wanted}, e.g. {@code includedNamespaces [a] (wanted [a, b])};
     * empty when the existing Backup is the one asked for. A TTL the request leaves open accepts Velero's default.
     */
    public static List<String> differences(BackupSpec existing, BackupSpec wanted) {
        BackupSpec e = existing == null ? new BackupSpec() : existing;
        List<String> diffs = new ArrayList<>();
        compare(diffs, "includedNamespaces", e.getIncludedNamespaces(), wanted.getIncludedNamespaces());
        compare(diffs, "excludedNamespaces", e.getExcludedNamespaces(), wanted.getExcludedNamespaces());
        compare(diffs, "includedResources", e.getIncludedResources(), wanted.getIncludedResources());
        compare(diffs, "labelSelector", labels(e.getLabelSelector()), labels(wanted.getLabelSelector()));
        compare(diffs, "storageLocation", e.getStorageLocation(), wanted.getStorageLocation());
        if (wanted.getTtl() != null) {
            compare(diffs, "ttl", e.getTtl() == null ? null : GoDurations.format(GoDurations.parse(e.getTtl().replaceAll("\\.0+s$", "s"), "ttl")),
                    wanted.getTtl());
        }
        compare(diffs, "snapshotVolumes", e.getSnapshotVolumes(), wanted.getSnapshotVolumes());
        compare(diffs, "defaultVolumesToFsBackup", e.getDefaultVolumesToFsBackup(), wanted.getDefaultVolumesToFsBackup());
        return diffs;
    }

    private static Map<String, String> labels(LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty() ? null : selector.getMatchLabels();
    }

    private static void compare(List<String> diffs, String field, Object existing, Object wanted) {
        if (!Objects.equals(existing, wanted)) {
            diffs.add(field + " " + existing + " (wanted " + wanted + ")");
        }
    }

    private static List<String> nullIfEmpty(List<String> values) {
        return values.isEmpty() ? null : new ArrayList<>(values);
    }
}
