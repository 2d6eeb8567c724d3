package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.ArrayList;
import java.util.List;

/**
 * PV10: a claim restored from a {@code VolumeSnapshot} ({@code dataSource} or {@code dataSourceRef}) would stay
 * Pending on AKS: EBS snapshots do not cross clouds (PV8), so the snapshot it names does not exist there. The data
 * moves with Velero's file-system backup instead; a person decides whether the claim drops its data source (and
 * gets its data from the restore) or waits for a snapshot taken on AKS.
 */
public final class SnapshotDataSourceRule implements ConversionRule {

    public static final String ID = "PV10";

    /** How the front end names the Velero backup and restore: {@code eks2aks backup and eks2aks restore}, or steps. */
    private final String backupAndRestore;

    public SnapshotDataSourceRule(FrontEndNames frontEnd) {
        this.backupAndRestore = frontEnd.backupAndRestore();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return !sources(object).isEmpty();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        List<Change> out = new ArrayList<>();
        for (String pointer : sources(object)) {
            JsonNode source = object.at(pointer);
            out.add(Changes.of(object, ID).decision(pointer, "claim restored from VolumeSnapshot "
                    + source.path("name").asText() + ": snapshots do not cross clouds, so it does not exist on AKS and the "
                    + "claim would stay Pending; the data moves with Velero (" + backupAndRestore + "): remove "
                    + pointer.substring(pointer.lastIndexOf('/') + 1) + " from the claim, or re-create the snapshot on AKS "
                    + "once the data has moved (catalog PV10, PV8)"));
        }
        return out;
    }

    /** Pointers of the data sources naming a VolumeSnapshot: the claim's, or each claim template's (one per claim). */
    private static List<String> sources(KubeObject object) {
        List<String> specs = new ArrayList<>();
        if ("PersistentVolumeClaim".equals(object.kind())) {
            specs.add("/spec");
        }
        JsonNode templates = object.at("/spec/volumeClaimTemplates");
        for (int i = 0; i < templates.size(); i++) {
            specs.add("/spec/volumeClaimTemplates/" + i + "/spec");
        }
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            for (String field : List.of("dataSource", "dataSourceRef")) {
                if ("VolumeSnapshot".equals(object.at(spec + "/" + field + "/kind").asText())) {
                    out.add(spec + "/" + field);
                    break; // a live claim mirrors dataSource into dataSourceRef: one decision per claim
                }
            }
        }
        return out;
    }
}
