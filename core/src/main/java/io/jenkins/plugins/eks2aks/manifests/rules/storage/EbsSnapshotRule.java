package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PV8: a VolumeSnapshotClass of the EBS driver becomes one of the Azure Disk driver (incremental snapshots are
 * its default), with EBS tags as Azure tags and EBS-only parameters dropped. VolumeSnapshotContents of EBS
 * snapshots are left out: EBS snapshots cannot be moved between clouds. The AKS snapshot controller has to be
 * enabled ({@code --enable-snapshot-controller}, S3).
 */
public final class EbsSnapshotRule implements ConversionRule {

    public static final String ID = "PV8";
    private static final String PARAMETERS = "/parameters";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        boolean snapshotKind = "VolumeSnapshotClass".equals(object.kind()) || "VolumeSnapshotContent".equals(object.kind());
        String driver = "VolumeSnapshotClass".equals(object.kind()) ? object.at("/driver").asText(null)
                : object.at("/spec/driver").asText(null);
        return snapshotKind && AwsVolumeFamily.of(driver).isPresent();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        Changes c = Changes.of(object, ID);
        if ("VolumeSnapshotContent".equals(object.kind())) {
            return List.of(c.exclude("a snapshot stored in AWS (" + object.at("/spec/source/snapshotHandle").asText("dynamic")
                    + "): EBS snapshots cannot be moved to Azure; take new snapshots on AKS after the data has moved "
                    + "(catalog PV8; S3)"));
        }
        if (!AwsVolumeFamily.EBS_DRIVERS.contains(object.at("/driver").asText())) {
            return List.of(c.exclude("snapshot class of " + object.at("/driver").asText() + ", which has no Azure "
                    + "snapshot equivalent (catalog PV8, SC13)"));
        }
        List<Change> out = new ArrayList<>();
        out.add(c.replace("/driver", AksStorageClasses.DISK_DRIVER, RuleMode.AUTO, "snapshots of Azure disks are taken "
                + "by the Azure Disk CSI driver; incremental snapshots are its default (catalog PV8; S3)"));
        List<String> tags = new ArrayList<>();
        object.at(PARAMETERS).fields().forEachRemaining(e -> {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().asText();
            if (key.startsWith("tagspecification_") && value.contains("=") && !value.contains(",") && !value.contains("{{")) {
                tags.add(value);
                out.add(c.removeKey(PARAMETERS, e.getKey(), RuleMode.AUTO, "becomes part of tags (catalog PV8, SC9; S3)"));
            } else if (!key.startsWith("csi.storage.k8s.io/")) {
                out.add(c.removeKey(PARAMETERS, e.getKey(), RuleMode.DROP, "EBS snapshot parameter " + e.getKey()
                        + " has no Azure Disk snapshot equivalent (catalog PV8; S3)"));
            }
        });
        if (!tags.isEmpty()) {
            out.add(c.put(PARAMETERS, "tags", String.join(",", tags), RuleMode.AUTO, "EBS snapshot tags become Azure "
                    + "snapshot tags (catalog PV8; S3)"));
        }
        return out;
    }
}
