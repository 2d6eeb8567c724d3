package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS volume behind a PersistentVolume: an EBS volume (in-tree {@code awsElasticBlockStore} or the EBS CSI
 * driver) or an EFS file system (the EFS CSI driver, or plain NFS to its mount target).
 *
 * @param family  EBS or EFS
 * @param handle  the EBS volume id ({@code vol-…}) or EFS volume handle ({@code fs-…[::fsap-…]}): the
 *                {@code volumeHandles} key in the mapping file
 * @param pointer where the handle is in the volume, for findings
 * @param form    {@code csi}, {@code awsElasticBlockStore} or {@code nfs}: the volume source field to rewrite
 */
record AwsVolumeSource(AwsVolumeFamily family, String handle, String pointer, String form) {

    /** In-tree volume ids may be written {@code aws://us-east-1a/vol-…}. */
    private static final Pattern EBS_ID = Pattern.compile("(vol-[0-9a-f]+)$");
    private static final Pattern EFS_NFS_SERVER = Pattern.compile("^(fs-[0-9a-f]+)\\.efs\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$");

    static Optional<AwsVolumeSource> of(JsonNode volume) {
        JsonNode spec = volume.path("spec");
        if (spec.has("awsElasticBlockStore")) {
            Matcher m = EBS_ID.matcher(spec.at("/awsElasticBlockStore/volumeID").asText());
            return Optional.of(new AwsVolumeSource(AwsVolumeFamily.EBS, m.find() ? m.group(1)
                    : spec.at("/awsElasticBlockStore/volumeID").asText(), "/spec/awsElasticBlockStore/volumeID", "awsElasticBlockStore"));
        }
        Optional<AwsVolumeFamily> driver = AwsVolumeFamily.of(spec.at("/csi/driver").asText(null));
        if (driver.isPresent() && driver.get() != AwsVolumeFamily.OTHER) {
            return Optional.of(new AwsVolumeSource(driver.get(), spec.at("/csi/volumeHandle").asText(), "/spec/csi/volumeHandle", "csi"));
        }
        Matcher nfs = EFS_NFS_SERVER.matcher(spec.at("/nfs/server").asText());
        if (nfs.matches()) {
            String path = spec.at("/nfs/path").asText("/");
            String handle = nfs.group(1) + (path.isEmpty() || "/".equals(path) ? "" : ":" + path);
            return Optional.of(new AwsVolumeSource(AwsVolumeFamily.EFS, handle, "/spec/nfs/server", "nfs"));
        }
        return Optional.empty();
    }

    /** The catalog rule for static volumes of this family. */
    String ruleId() {
        return family == AwsVolumeFamily.EBS ? "PV4" : "PV5";
    }
}
