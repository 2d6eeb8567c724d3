package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mountpoint-for-S3 static volumes, claims bound to carried volumes, and claims restored from snapshots. */
class StaticVolumesAndSnapshotsTest {

    private static final String MOUNTPOINT = "mountpoint-s3-csi-driver/examples/kubernetes/static_provisioning/static_provisioning.yaml";
    private static final String SNAPSHOT_CLAIM = "aws-ebs-csi-driver/examples/kubernetes/snapshot/manifests/snapshot-restore/claim.yaml";

    private static String reason(String file, String ruleId, FrontEndNames frontEnd) {
        return Conversions.changes(Conversions.convert(Upstream.text(file), MigrationMapping.defaults(), frontEnd), ruleId)
                .get(0).reason();
    }

    private static JsonNode kind(ConversionResult result, String kind) {
        return Conversions.output(result).stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void aMountpointVolumeIsADecisionNamingItsBucketAndItsClaimKeepsTheVolume() {
        ConversionResult result = Conversions.convert(Upstream.text(MOUNTPOINT), MigrationMapping.defaults());

        Change decision = Conversions.changes(result, MountpointS3VolumeRule.ID).get(0);
        assertEquals(RuleMode.HUMAN, decision.mode());
        assertTrue(decision.reason().contains("bucket s3-csi-driver (prefix some-s3-prefix/)")
                && decision.reason().contains("volumeHandles.s3-csi-driver"), decision.reason());
        JsonNode claim = kind(result, "PersistentVolumeClaim");
        assertEquals("s3-pv", claim.at("/spec/volumeName").asText(), "the volume is carried, so the claim keeps binding to it");
        assertEquals("", claim.at("/spec/storageClassName").asText());
    }

    @Test
    void onceItsContainerIsNamedTheVolumeMountsItWithTheBlobDriver() {
        MigrationMapping mapping = MappingFile.parse("eks2aks.yaml", "volumeHandles: {s3-csi-driver: rg-shop#shopdata#bucket-copy}");
        ConversionResult result = Conversions.convert(Upstream.text(MOUNTPOINT), mapping);

        JsonNode volume = kind(result, "PersistentVolume");
        assertEquals("blob.csi.azure.com", volume.at("/spec/csi/driver").asText());
        assertEquals("rg-shop#shopdata#bucket-copy", volume.at("/spec/csi/volumeHandle").asText());
        assertEquals("bucket-copy", volume.at("/spec/csi/volumeAttributes/containerName").asText());
        assertEquals("shopdata", volume.at("/spec/csi/volumeAttributes/storageAccount").asText());
        assertFalse(volume.at("/spec").has("mountOptions"));
        assertEquals("s3-pvc", volume.at("/spec/claimRef/name").asText());
        assertEquals(0, result.pendingDecisions());
        assertEquals("s3-pv", kind(result, "PersistentVolumeClaim").at("/spec/volumeName").asText());
    }

    @Test
    void aClaimBoundToADynamicallyProvisionedEbsVolumeBindsAnew() {
        String yaml = """
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: pvc-123
                  annotations: {pv.kubernetes.io/provisioned-by: ebs.csi.aws.com}
                spec:
                  storageClassName: gp3
                  claimRef: {namespace: shop, name: data, uid: 6c1a}
                  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0abc}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec: {storageClassName: gp3, volumeName: pvc-123, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """;
        JsonNode claim = kind(Conversions.convert(yaml, MigrationMapping.defaults()), "PersistentVolumeClaim");
        assertFalse(claim.at("/spec").has("volumeName"), "its volume is left behind: the claim provisions a new one");
    }

    @Test
    void theEbsExampleRestoredFromASnapshotIsADecision() {
        ConversionResult result = Conversions.convert(Upstream.text(
                "aws-ebs-csi-driver/examples/kubernetes/snapshot/manifests/snapshot-restore/claim.yaml"), MigrationMapping.defaults());
        Change decision = Conversions.changes(result, SnapshotDataSourceRule.ID).get(0);
        assertEquals(RuleMode.HUMAN, decision.mode());
        assertEquals("/spec/dataSource", decision.path());
        assertTrue(decision.reason().contains("VolumeSnapshot ebs-volume-snapshot") && decision.reason().contains("Velero"), decision.reason());
    }

    @Test
    void aLiveClaimWithBothDataSourceFieldsAndAClaimTemplateEachGetOneDecision() {
        String yaml = """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      dataSource: {name: nightly, kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io}
                      dataSourceRef: {name: nightly, kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io}
                  - metadata: {name: logs}
                    spec: {dataSource: {name: logs-pvc, kind: PersistentVolumeClaim}}
                """;
        List<Change> decisions = Conversions.changes(Conversions.convert(yaml, MigrationMapping.defaults()), SnapshotDataSourceRule.ID);
        assertEquals(List.of("/spec/volumeClaimTemplates/0/spec/dataSource"), decisions.stream().map(Change::path).toList());
    }

    @Test
    void theMountpointDecisionNamesTheCommandLinesBucketCopy() {
        String reason = reason(MOUNTPOINT, MountpointS3VolumeRule.ID, FrontEndNames.CLI);
        assertTrue(reason.contains("copy it into a Blob container (eks2aks sync-storage), then set volumeHandles.s3-csi-driver"), reason);
    }

    @Test
    void theMountpointDecisionNamesTheStepThatCopiesTheBucketInJenkins() {
        String reason = reason(MOUNTPOINT, MountpointS3VolumeRule.ID, FrontEndNames.STEPS);
        assertTrue(reason.contains("copy it into a Blob container (the azcopySync step), then set volumeHandles.s3-csi-driver"), reason);
        assertFalse(reason.contains("eks2aks sync-storage"), reason);
    }

    @Test
    void theSnapshotDecisionNamesTheCommandLinesBackupAndRestore() {
        String reason = reason(SNAPSHOT_CLAIM, SnapshotDataSourceRule.ID, FrontEndNames.CLI);
        assertTrue(reason.contains("the data moves with Velero (eks2aks backup and eks2aks restore): remove dataSource"), reason);
    }

    @Test
    void theSnapshotDecisionNamesTheStepsThatBackUpAndRestoreInJenkins() {
        String reason = reason(SNAPSHOT_CLAIM, SnapshotDataSourceRule.ID, FrontEndNames.STEPS);
        assertTrue(reason.contains("the data moves with Velero (the veleroBackup and aksRestore steps): remove dataSource"), reason);
        assertFalse(reason.contains("eks2aks "), reason);
    }
}
