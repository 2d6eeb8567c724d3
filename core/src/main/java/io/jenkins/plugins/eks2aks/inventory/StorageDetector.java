package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

/** AWS storage (catalog §2): EBS/EFS/FSx/S3 storage classes, static volumes, snapshot classes and CSI drivers. */
final class StorageDetector implements Detector {

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        switch (o.kind()) {
            case "StorageClass" -> storageClass(o, findings);
            case "PersistentVolume" -> persistentVolume(o, findings);
            case "VolumeSnapshotClass" -> {
                if (o.object().path("driver").asText().equals("ebs.csi.aws.com")) {
                    findings.add("PV8", Severity.LOW, o.ref(), "driver", "EBS snapshot class",
                            "driver disk.csi.azure.com (incremental snapshots; enable the AKS snapshot controller)", RuleMode.AUTO);
                }
            }
            case "CSIDriver" -> {
                String name = o.ref().name() == null ? "" : o.ref().name();
                if (name.endsWith(".csi.aws.com") || name.endsWith(".csi.eks.amazonaws.com")) {
                    findings.add("SC1", Severity.INFO, o.ref(), "metadata.name", "AWS CSI driver " + name,
                            "AKS built-in CSI drivers (disk and file on by default, blob opt-in)", RuleMode.EXCLUDE);
                }
            }
            default -> { }
        }
    }

    private static void storageClass(ClusterObject o, Findings findings) {
        String provisioner = o.object().path("provisioner").asText();
        JsonNode parameters = o.object().path("parameters");
        switch (provisioner) {
            case "kubernetes.io/aws-ebs", "ebs.csi.aws.com", "ebs.csi.eks.amazonaws.com" -> {
                String type = parameters.path("type").asText(provisioner.equals("kubernetes.io/aws-ebs") ? "gp2" : "gp3");
                boolean tuned = parameters.has("iops") || parameters.has("throughput") || parameters.has("iopsPerGB");
                String target = switch (type) {
                    case "io1", "io2" -> "UltraSSD_LRS or PremiumV2_LRS (skuName), needs supported zones and VM series";
                    case "st1", "sc1", "standard" -> "skuName Standard_LRS (HDD)";
                    default -> tuned ? "a custom class with skuName PremiumV2_LRS, DiskIOPSReadWrite/DiskMBpsReadWrite"
                            : "managed-csi-premium (Premium_LRS) or managed-csi (StandardSSD_LRS)";
                };
                findings.add(type.startsWith("io") ? "SC4" : tuned ? "SC3" : "SC2", type.startsWith("io") ? Severity.HIGH : Severity.MEDIUM,
                        o.ref(), "provisioner", "EBS " + type + " (" + provisioner + ")", "disk.csi.azure.com: " + target,
                        type.startsWith("io") ? RuleMode.HUMAN : RuleMode.AUTO_WARN);
                if (parameters.path("kmsKeyId").asText("").startsWith("arn:")) {
                    findings.add("SC7", Severity.HIGH, o.ref(), "parameters.kmsKeyId", parameters.path("kmsKeyId").asText(),
                            "diskEncryptionSetID of a Disk Encryption Set with a Key Vault key", RuleMode.HUMAN);
                }
                if ("true".equals(o.annotations().path("storageclass.kubernetes.io/is-default-class").asText())) {
                    findings.add("SC14", Severity.LOW, o.ref(), "metadata.annotations[storageclass.kubernetes.io/is-default-class]",
                            "default storage class", "none: AKS has its own default class", RuleMode.DROP);
                }
            }
            case "efs.csi.aws.com" -> findings.add("SC12", Severity.MEDIUM, o.ref(), "provisioner", "EFS (" + parameters.path("provisioningMode").asText("static") + ")",
                    "file.csi.azure.com: azurefile-csi-premium, or a custom class with protocol nfs (Premium, 100 GiB minimum)", RuleMode.AUTO_WARN);
            case "fsx.csi.aws.com", "s3.csi.aws.com" -> findings.add("SC13", Severity.HIGH, o.ref(), "provisioner", provisioner,
                    "Azure Managed Lustre CSI or Blob CSI (blob.csi.azure.com)", RuleMode.HUMAN);
            default -> { }
        }
    }

    private static void persistentVolume(ClusterObject o, Findings findings) {
        JsonNode spec = o.object().path("spec");
        String driver = spec.path("csi").path("driver").asText("");
        if (spec.has("awsElasticBlockStore") || driver.equals("ebs.csi.aws.com") || driver.equals("ebs.csi.eks.amazonaws.com")) {
            String volume = spec.has("awsElasticBlockStore") ? spec.path("awsElasticBlockStore").path("volumeID").asText()
                    : spec.path("csi").path("volumeHandle").asText();
            findings.add("PV4", Severity.HIGH, o.ref(), "spec.csi.volumeHandle", "EBS volume " + volume,
                    "an Azure managed disk (disk.csi.azure.com); the data moves with Velero file-system backup", RuleMode.HUMAN);
        } else if (driver.equals("efs.csi.aws.com")) {
            findings.add("PV5", Severity.HIGH, o.ref(), "spec.csi.volumeHandle", "EFS " + spec.path("csi").path("volumeHandle").asText(),
                    "an Azure Files share (file.csi.azure.com, volumeHandle rg#account#share); the data moves with Velero", RuleMode.HUMAN);
        } else if (driver.equals("fsx.csi.aws.com") || driver.equals("s3.csi.aws.com")) {
            findings.add("SC13", Severity.HIGH, o.ref(), "spec.csi.driver", driver, "Azure Managed Lustre or Blob CSI", RuleMode.HUMAN);
        }
        JsonNode terms = spec.path("nodeAffinity").path("required").path("nodeSelectorTerms");
        for (JsonNode term : terms) {
            for (JsonNode e : term.path("matchExpressions")) {
                String key = e.path("key").asText();
                if (key.equals("topology.ebs.csi.aws.com/zone") || key.equals("topology.kubernetes.io/zone")
                        || key.equals("failure-domain.beta.kubernetes.io/zone")) {
                    findings.add("PV6", Severity.LOW, o.ref(), "spec.nodeAffinity", key + " in " + e.path("values"),
                            "removed: the Azure CSI driver sets the zone", RuleMode.AUTO);
                }
            }
        }
    }
}
