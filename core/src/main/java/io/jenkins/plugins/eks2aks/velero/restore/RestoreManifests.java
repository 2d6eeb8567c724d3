package io.jenkins.plugins.eks2aks.velero.restore;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocationSpec;
import io.jenkins.plugins.eks2aks.velero.model.ObjectStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.jenkins.plugins.eks2aks.velero.model.RestoreSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The BackupStorageLocation and the Restore a restore request asks for, and how existing ones differ. */
public final class RestoreManifests {

    private RestoreManifests() {
    }

    /** Read-only, provider azure: Velero syncs the backups it finds there and never writes or deletes in it. */
    public static BackupStorageLocation location(RestoreRequest request) {
        BackupStorageLocation bsl = new BackupStorageLocation();
        bsl.setMetadata(new ObjectMetaBuilder().withName(request.location()).withNamespace(request.veleroNamespace())
                .withLabels(new LinkedHashMap<>(Map.of(VeleroNames.MANAGED_BY, VeleroNames.EKS2AKS))).build());
        BackupStorageLocationSpec spec = new BackupStorageLocationSpec();
        spec.setProvider("azure");
        ObjectStorageLocation os = new ObjectStorageLocation();
        os.setBucket(request.container());
        os.setPrefix(request.prefix());
        spec.setObjectStorage(os);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("resourceGroup", request.storageResourceGroup());
        config.put("storageAccount", request.storageAccount());
        if (request.subscription() != null) {
            config.put("subscriptionId", request.subscription());
        }
        spec.setConfig(config);
        spec.setAccessMode("ReadOnly");
        bsl.setSpec(spec);
        return bsl;
    }

    public static Restore restore(RestoreRequest request, ConfigMap modifiers) {
        Restore restore = new Restore();
        restore.setMetadata(new ObjectMetaBuilder().withName(request.restoreName()).withNamespace(request.veleroNamespace())
                .withLabels(new LinkedHashMap<>(Map.of(VeleroNames.MANAGED_BY, VeleroNames.EKS2AKS))).build());
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName(request.backup());
        spec.setIncludedNamespaces(request.includeNamespaces().isEmpty() ? null : new ArrayList<>(request.includeNamespaces()));
        spec.setNamespaceMapping(request.namespaceMapping().isEmpty() ? null : new LinkedHashMap<>(request.namespaceMapping()));
        spec.setRestorePVs(true);
        spec.setExistingResourcePolicy(request.existingResourcePolicy());
        if (modifiers != null) {
            TypedLocalObjectReference ref = new TypedLocalObjectReference();
            ref.setApiGroup("");
            ref.setKind("ConfigMap");
            ref.setName(modifiers.getMetadata().getName());
            spec.setResourceModifier(ref);
        }
        restore.setSpec(spec);
        return restore;
    }

    public static List<String> differences(BackupStorageLocationSpec existing, BackupStorageLocationSpec wanted) {
        List<String> diffs = new ArrayList<>();
        BackupStorageLocationSpec e = existing == null ? new BackupStorageLocationSpec() : existing;
        compare(diffs, "provider", e.getProvider(), wanted.getProvider());
        compare(diffs, "objectStorage.bucket", e.getObjectStorage() == null ? null : e.getObjectStorage().getBucket(), wanted.getObjectStorage().getBucket());
        compare(diffs, "objectStorage.prefix", e.getObjectStorage() == null ? null : e.getObjectStorage().getPrefix(), wanted.getObjectStorage().getPrefix());
        compare(diffs, "config", e.getConfig(), wanted.getConfig());
        compare(diffs, "accessMode", e.getAccessMode(), wanted.getAccessMode());
        return diffs;
    }

    public static List<String> differences(RestoreSpec existing, RestoreSpec wanted) {
        List<String> diffs = new ArrayList<>();
        RestoreSpec e = existing == null ? new RestoreSpec() : existing;
        compare(diffs, "backupName", e.getBackupName(), wanted.getBackupName());
        compare(diffs, "includedNamespaces", e.getIncludedNamespaces(), wanted.getIncludedNamespaces());
        compare(diffs, "namespaceMapping", e.getNamespaceMapping(), wanted.getNamespaceMapping());
        compare(diffs, "existingResourcePolicy", e.getExistingResourcePolicy(), wanted.getExistingResourcePolicy());
        compare(diffs, "resourceModifier", e.getResourceModifier() == null ? null : e.getResourceModifier().getName(),
                wanted.getResourceModifier() == null ? null : wanted.getResourceModifier().getName());
        return diffs;
    }

    private static void compare(List<String> diffs, String field, Object existing, Object wanted) {
        if (!Objects.equals(existing, wanted)) {
            diffs.add(field + " " + existing + " (wanted " + wanted + ")");
        }
    }
}
