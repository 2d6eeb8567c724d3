package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * PV9: a static Mountpoint-for-S3 volume ({@code s3.csi.aws.com}) mounts a bucket. On AKS the bucket's copy lives
 * in a Blob container ({@code eks2aks sync-storage} or the {@code azcopySync} step copies it), mounted by the Azure Blob CSI driver (BlobFuse2).
 * Until {@code volumeHandles.<bucket>} names the container ({@code <resource-group>#<account>#<container>}) the
 * volume is a decision; then its source is rewritten. Either way the volume is carried, so its claim keeps
 * {@code volumeName}, and the EKS claim's uid is dropped so that the AKS claim of the same name binds.
 */
public final class MountpointS3VolumeRule implements ConversionRule {

    public static final String ID = "PV9";
    static final String DRIVER = "s3.csi.aws.com";
    static final String BLOB_DRIVER = "blob.csi.azure.com";

    private final MigrationMapping mapping;
    /** How the front end names the bucket copy: {@code eks2aks sync-storage}, the {@code azcopySync} step. */
    private final String syncStorage;

    public MountpointS3VolumeRule(MigrationMapping mapping, FrontEndNames frontEnd) {
        this.mapping = mapping;
        this.syncStorage = frontEnd.syncStorage();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "PersistentVolume".equals(object.kind()) && DRIVER.equals(object.at("/spec/csi/driver").asText());
    }

    @Override
    public List<Change> apply(KubeObject volume) {
        Changes c = Changes.of(volume, ID);
        // Mountpoint's first releases took the bucket as the volume handle; later ones take volumeAttributes.bucketName.
        String bucket = volume.at("/spec/csi/volumeAttributes/bucketName").asText(volume.at("/spec/csi/volumeHandle").asText(""));
        String prefix = prefix(volume.at("/spec/mountOptions"));
        String what = "bucket " + bucket + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
        String container = mapping.volumeHandles().get(bucket);
        List<Change> out = new ArrayList<>();
        if (container == null || container.split("#").length != 3) {
            out.add(c.decision("/spec/csi", "Mountpoint for S3 volume of " + what + ": copy it into a Blob container "
                    + "(" + syncStorage + "), then set volumeHandles." + bucket + ": <resource-group>#<storage-account>#<container>"
                    + " to mount it with the Azure Blob CSI driver (catalog PV9, SC13)").withMappingKeys("volumeHandles." + bucket));
        } else {
            String[] parts = container.split("#");
            ObjectNode csi = JsonNodeFactory.instance.objectNode().put("driver", BLOB_DRIVER).put("volumeHandle", container);
            csi.putObject("volumeAttributes").put("resourceGroup", parts[0]).put("storageAccount", parts[1])
                    .put("containerName", parts[2]).put("protocol", "fuse2");
            out.add(c.replace("/spec/csi", csi, RuleMode.AUTO_WARN, "the copy of S3 " + what + " is Blob container " + container
                    + " (volumeHandles), mounted by BlobFuse2: enable the Blob CSI driver (az aks update --enable-blob-driver) "
                    + "and give it access to the account (a key Secret in nodeStageSecretRef, or a managed identity with Storage "
                    + "Blob Data Contributor) (catalog PV9)"));
            if (volume.object().path("spec").has("mountOptions")) {
                out.add(c.remove("/spec/mountOptions", RuleMode.AUTO_WARN, "Mountpoint options (allow-delete, region, prefix, "
                        + "uid…) mean nothing to BlobFuse2; set BlobFuse2 options if the pods need them (catalog PV9)"));
            }
        }
        JsonNode claimRef = volume.at("/spec/claimRef");
        for (String field : List.of("uid", "resourceVersion")) {
            if (claimRef.has(field)) {
                out.add(c.remove("/spec/claimRef/" + field, RuleMode.AUTO, "claimRef." + field + " names the EKS claim "
                        + "object; the volume binds to the AKS claim of the same namespace and name (catalog PV9, PV7)"));
            }
        }
        out.addAll(ZoneNodeAffinity.drop(volume));
        return out;
    }

    private static String prefix(JsonNode options) {
        for (JsonNode option : options) {
            String o = option.asText().trim();
            if (o.startsWith("prefix ") || o.startsWith("prefix=")) {
                return o.substring("prefix".length() + 1).trim();
            }
        }
        return "";
    }
}
