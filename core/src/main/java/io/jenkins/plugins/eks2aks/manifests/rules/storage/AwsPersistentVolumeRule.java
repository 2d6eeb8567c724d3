package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PV4–PV6 (and PV1 for volumes): a PersistentVolume on EBS or EFS.
 * <ul>
 *   <li>Dynamically provisioned ({@code pv.kubernetes.io/provisioned-by}): left out. Its claim provisions a new
 *       Azure volume on AKS, and the data moves with a Velero file-system backup (S1, S7).</li>
 *   <li>Static: its data has to be copied first, so the new volume is known only afterwards. Until
 *       {@code volumeHandles} names it, a decision; then the volume source is rewritten to the Azure CSI driver.</li>
 * </ul>
 * Either way AWS zone pins go (PV6), and the class follows the class decision of its claim (PV1).
 */
public final class AwsPersistentVolumeRule implements ConversionRule {

    public static final String ID = "PV4";
    private static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
    private static final String PROVISIONER_IDENTITY = "storage.kubernetes.io/csiProvisionerIdentity";

    private final MigrationMapping mapping;
    private final StorageClassTargets targets;

    public AwsPersistentVolumeRule(RuleContext context) {
        this.mapping = context.mapping();
        this.targets = new StorageClassTargets(context.mapping(), context.index());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "PersistentVolume".equals(object.kind()) && AwsVolumeSource.of(object.object()).isPresent();
    }

    @Override
    public List<Change> apply(KubeObject volume) {
        AwsVolumeSource source = AwsVolumeSource.of(volume.object()).orElseThrow();
        Changes c = Changes.of(volume, source.ruleId());
        String provisioner = volume.at("/metadata/annotations").path(PROVISIONED_BY).asText("");
        if (AwsVolumeFamily.of(provisioner).isPresent()) {
            JsonNode claim = volume.at("/spec/claimRef");
            return List.of(c.exclude("provisioned by " + provisioner + " for claim " + claim.path("namespace").asText()
                    + "/" + claim.path("name").asText() + ": the claim provisions a new Azure volume on AKS and the data "
                    + "moves with a Velero file-system backup (catalog " + source.ruleId() + ", PV1; S1, S7)"));
        }
        List<Change> out = new ArrayList<>();
        String azure = mapping.volumeHandles().get(source.handle());
        if (azure == null) {
            out.add(c.decision(source.pointer(), decision(source)).withMappingKeys(mappingKey(source)));
        } else {
            out.addAll(source.family() == AwsVolumeFamily.EBS ? toDisk(volume, source, azure) : toFiles(volume, source, azure));
        }
        JsonNode claimRef = volume.at("/spec/claimRef");
        for (String field : List.of("uid", "resourceVersion")) {
            if (claimRef.has(field)) {
                out.add(c.remove("/spec/claimRef/" + field, RuleMode.AUTO, "claimRef." + field + " names the EKS claim "
                        + "object; the volume binds to the AKS claim of the same namespace and name (catalog "
                        + source.ruleId() + ", PV7)"));
            }
        }
        out.addAll(ZoneNodeAffinity.drop(volume));
        storageClass(volume).ifPresent(out::add);
        return out;
    }

    private static String mappingKey(AwsVolumeSource source) {
        return source.family() == AwsVolumeFamily.EBS ? "volumeHandles." + source.handle() : "volumeHandles.\"" + source.handle() + "\"";
    }

    private static String decision(AwsVolumeSource source) {
        if (source.family() == AwsVolumeFamily.EBS) {
            return "static EBS volume " + source.handle() + ": copy its data to an Azure managed disk (Velero file-system "
                    + "backup or a disk copy), then set " + mappingKey(source) + ": /subscriptions/<sub>/"
                    + "resourceGroups/<rg>/providers/Microsoft.Compute/disks/<name> (catalog PV4; S3, S7)";
        }
        return "static EFS volume " + source.handle() + ": copy its data to an Azure Files share, then set "
                + mappingKey(source) + ": <resource-group>#<storage-account>#<share> (catalog PV5; S4)";
    }

    /** PV4: the volume source becomes the Azure Disk CSI driver with the disk the mapping file names. */
    private static List<Change> toDisk(KubeObject volume, AwsVolumeSource source, String disk) {
        Changes c = Changes.of(volume, "PV4");
        String why = "the EBS volume's data lives in Azure disk " + disk + " (volumeHandles) (catalog PV4; S3)";
        if ("awsElasticBlockStore".equals(source.form())) {
            JsonNode ebs = volume.at("/spec/awsElasticBlockStore");
            ObjectNode csi = JsonNodeFactory.instance.objectNode().put("driver", AksStorageClasses.DISK_DRIVER).put("volumeHandle", disk);
            if (ebs.has("fsType")) {
                csi.put("fsType", ebs.path("fsType").asText());
            }
            if (ebs.has("readOnly")) {
                csi.set("readOnly", ebs.path("readOnly"));
            }
            return List.of(c.remove("/spec/awsElasticBlockStore", RuleMode.AUTO, "the in-tree EBS plugin was removed in "
                    + "Kubernetes 1.27 (catalog PV4; S8)"), c.put("/spec", "csi", csi, RuleMode.AUTO, why));
        }
        List<Change> out = new ArrayList<>();
        out.add(c.replace("/spec/csi/driver", AksStorageClasses.DISK_DRIVER, RuleMode.AUTO, why));
        out.add(c.replace("/spec/csi/volumeHandle", disk, RuleMode.AUTO, why));
        out.addAll(provisionerIdentity(volume, c));
        return out;
    }

    /** PV5: the volume source becomes the Azure Files CSI driver with the share the mapping file names. */
    private List<Change> toFiles(KubeObject volume, AwsVolumeSource source, String share) {
        Changes c = Changes.of(volume, "PV5");
        boolean nfs = mapping.efsNfs();
        String[] parts = share.split("#");
        String shareName = parts.length > 2 ? parts[2] : share;
        RuleMode mode = nfs ? RuleMode.AUTO : RuleMode.AUTO_WARN;
        String why = "the EFS data lives in Azure Files share " + share + " (volumeHandles)" + (nfs ? "" : "; over SMB the "
                + "driver needs the storage account key (nodeStageSecretRef, or access through the cluster identity)")
                + " (catalog PV5; S4)";
        List<Change> out = new ArrayList<>();
        if ("nfs".equals(source.form())) {
            ObjectNode csi = JsonNodeFactory.instance.objectNode().put("driver", AksStorageClasses.FILE_DRIVER).put("volumeHandle", share);
            ObjectNode attributes = csi.putObject("volumeAttributes").put("shareName", shareName);
            if (nfs) {
                attributes.put("protocol", "nfs");
            }
            out.add(c.remove("/spec/nfs", RuleMode.AUTO, "NFS to the EFS mount target is replaced by the Azure Files CSI "
                    + "driver (catalog PV5; S4)"));
            out.add(c.put("/spec", "csi", csi, mode, why));
        } else {
            out.add(c.replace("/spec/csi/driver", AksStorageClasses.FILE_DRIVER, mode, why));
            out.add(c.replace("/spec/csi/volumeHandle", share, RuleMode.AUTO, why));
            out.add(c.put("/spec/csi/volumeAttributes", "shareName", shareName, RuleMode.AUTO, "the share of the handle (catalog PV5; S4)"));
            if (nfs) {
                out.add(c.put("/spec/csi/volumeAttributes", "protocol", "nfs", RuleMode.AUTO, "efsProtocol: nfs (catalog PV5; S4)"));
            }
            out.addAll(provisionerIdentity(volume, c));
        }
        out.addAll(EfsMountOptions.drop(volume, "/spec/mountOptions", "PV5"));
        return out;
    }

    private static List<Change> provisionerIdentity(KubeObject volume, Changes c) {
        return volume.at("/spec/csi/volumeAttributes").has(PROVISIONER_IDENTITY)
                ? List.of(c.remove(Pointers.child("/spec/csi/volumeAttributes", PROVISIONER_IDENTITY), RuleMode.AUTO,
                        "set by the AWS CSI provisioner; means nothing to the Azure driver"))
                : List.of();
    }

    /** PV1: a static volume binds only to a claim of the same class, so it follows the claim's class. */
    private Optional<Change> storageClass(KubeObject volume) {
        String className = volume.at("/spec/storageClassName").asText("");
        if (className.isEmpty()) {
            return Optional.empty();
        }
        ClassTarget target = targets.forClaim(className, volume.document().file());
        if (target.outcome() == ClassTarget.Outcome.UNDECIDED && target.family() == null) {
            return Optional.of(Changes.of(volume, "PV1").decision("/spec/storageClassName", "persistent volume of "
                    + target.why()));
        }
        if (target.outcome() != ClassTarget.Outcome.REPLACED) {
            return Optional.empty();
        }
        return Optional.of(Changes.of(volume, "PV1").replace("/spec/storageClassName", target.target(), RuleMode.AUTO,
                "a static volume binds only to a claim of the same class, and claims of " + className + " move to "
                        + target.target() + " (catalog PV1; S7)"));
    }
}
