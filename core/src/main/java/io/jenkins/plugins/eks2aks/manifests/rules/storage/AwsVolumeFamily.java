package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import java.util.Optional;
import java.util.Set;

/** Which AWS storage service a provisioner or CSI driver stands for. */
enum AwsVolumeFamily {
    /** Elastic Block Store: block disks, ReadWriteOnce (catalog SC1). */
    EBS,
    /** Elastic File System: NFS shares, ReadWriteMany (catalog SC12). */
    EFS,
    /** FSx and Mountpoint for S3: no verified AKS equivalent (catalog SC13). */
    OTHER;

    /** The in-tree plugin, the CSI driver and EKS Auto Mode's driver (catalog SC1; S8, S15). */
    static final Set<String> EBS_DRIVERS = Set.of("kubernetes.io/aws-ebs", "ebs.csi.aws.com", "ebs.csi.eks.amazonaws.com");
    static final Set<String> EFS_DRIVERS = Set.of("efs.csi.aws.com");

    /** The family of {@code provisioner} (a StorageClass provisioner or a CSI driver name), if it is AWS storage. */
    static Optional<AwsVolumeFamily> of(String provisioner) {
        if (provisioner == null) {
            return Optional.empty();
        }
        if (EBS_DRIVERS.contains(provisioner)) {
            return Optional.of(EBS);
        }
        if (EFS_DRIVERS.contains(provisioner)) {
            return Optional.of(EFS);
        }
        // fsx.csi.aws.com, fsx.openzfs.csi.aws.com, s3.csi.aws.com, …
        return provisioner.endsWith(".csi.aws.com") ? Optional.of(OTHER) : Optional.empty();
    }
}
