package io.jenkins.plugins.eks2aks.velero.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero BackupStorageLocation ({@code backupstoragelocations.velero.io}). */
@Group(Backup.GROUP)
@Version("v1")
@Kind("BackupStorageLocation")
@Plural("backupstoragelocations")
public class BackupStorageLocation extends CustomResource<BackupStorageLocationSpec, BackupStorageLocationStatus> implements Namespaced {

    private static final long serialVersionUID = 1L;
}
