package io.jenkins.plugins.eks2aks.velero.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero Backup ({@code backups.velero.io}). */
@Group(Backup.GROUP)
@Version("v1")
@Kind("Backup")
@Plural("backups")
public class Backup extends CustomResource<BackupSpec, BackupStatus> implements Namespaced {

    public static final String GROUP = "velero.io";
    private static final long serialVersionUID = 1L;
}
