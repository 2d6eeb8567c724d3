package io.jenkins.plugins.eks2aks.velero.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Velero Restore ({@code restores.velero.io}). */
@Group(Backup.GROUP)
@Version("v1")
@Kind("Restore")
@Plural("restores")
public class Restore extends CustomResource<RestoreSpec, RestoreStatus> implements Namespaced {

    private static final long serialVersionUID = 1L;
}
