package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SC15: a VolumeAttributesClass of the EBS driver (volume modification: IOPS, throughput, type) moves to the Azure
 * Disk driver, which supports the same mechanism from driver v1.30.2 with {@code DiskIOPSReadWrite},
 * {@code DiskMBpsReadWrite} and {@code skuName}. The EBS {@code type} is not carried over: Azure cannot change a
 * disk to or from Premium SSD v2 or Ultra, and the disk's SKU already follows its StorageClass. IOPS and throughput
 * only change on Premium SSD v2 and Ultra disks, so the move is a warning. Before Kubernetes 1.34 the API is not
 * served by default, so an older target is a decision.
 */
public final class EbsVolumeAttributesClassRule implements ConversionRule {

    public static final String ID = "SC15";
    private static final String PARAMETERS = "/parameters";
    private static final int GA_MINOR = 34;

    private final RuleContext context;

    public EbsVolumeAttributesClassRule(RuleContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "VolumeAttributesClass".equals(object.kind()) && "ebs.csi.aws.com".equals(object.at("/driverName").asText());
    }

    @Override
    public List<Change> apply(KubeObject vac) {
        Changes c = Changes.of(vac, ID);
        if (context.mapping().targetMinor() < GA_MINOR) {
            return List.of(c.decision("/driverName", "VolumeAttributesClass is served by default only from Kubernetes 1."
                    + GA_MINOR + " and the target is " + context.mapping().targetAksVersion() + ": raise targetAksVersion, "
                    + "or leave this class out and set IOPS in the StorageClass (catalog SC15)"));
        }
        List<Change> out = new ArrayList<>();
        out.add(c.replace("/driverName", AksStorageClasses.DISK_DRIVER, RuleMode.AUTO_WARN, "the Azure Disk driver "
                + "modifies volumes through VolumeAttributesClasses too; IOPS and throughput change only on Premium SSD v2 "
                + "and Ultra disks (catalog SC15; azuredisk-csi-driver modifyvolume)"));
        EbsParameters parameters = new EbsParameters(vac.object());
        for (EbsParameters.Parameter p : parameters.all()) {
            switch (p.key().toLowerCase(Locale.ROOT)) {
                case "iops" -> {
                    out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO, "becomes DiskIOPSReadWrite (catalog SC15)"));
                    out.add(c.put(PARAMETERS, "DiskIOPSReadWrite", p.value(), RuleMode.AUTO, "IOPS kept (catalog SC15)"));
                }
                case "throughput" -> {
                    out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO, "becomes DiskMBpsReadWrite (catalog SC15)"));
                    out.add(c.put(PARAMETERS, "DiskMBpsReadWrite", p.value(), RuleMode.AUTO, "throughput (MiB/s) kept (catalog SC15)"));
                }
                case "type" -> out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO_WARN, "EBS type " + p.value()
                        + " is not carried over: the disk's SKU follows its StorageClass, and Azure cannot change a disk to "
                        + "or from Premium SSD v2 or Ultra (catalog SC15)"));
                default -> out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.DROP, "EBS parameter " + p.key() + " has no "
                        + "Azure Disk volume-modification equivalent (only DiskIOPSReadWrite, DiskMBpsReadWrite and skuName "
                        + "are), and the driver rejects what it does not know (catalog SC15)"));
            }
        }
        return out;
    }
}
