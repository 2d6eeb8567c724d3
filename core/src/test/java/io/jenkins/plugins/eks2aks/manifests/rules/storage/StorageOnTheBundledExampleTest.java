package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.rules.BundledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static io.jenkins.plugins.eks2aks.manifests.rules.BundledExample.assertApplied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage rules on {@code examples/eks-sample}, run through the whole conversion with every other rule. */
class StorageOnTheBundledExampleTest {

    private static final Pattern OURS = Pattern.compile("^(SC|PV)[0-9]+$");

    @Test
    void theEksClassesMakeWayForAksBuiltInsUnlessTheBuiltInWouldLoseSomethingAndEveryClaimFollows(@TempDir Path tmp) throws IOException {
        BundledExample example = BundledExample.convert(tmp, "acr: contoso.azurecr.io\n");

        // gp3 is Retain and the default class: managed-csi-premium (Delete, not the default) would lose both.
        assertApplied(example.change("storage.yaml", "StorageClass", "gp3", "/provisioner"), "SC1", "AUTO", "disk.csi.azure.com");
        assertApplied(example.change("storage.yaml", "StorageClass", "gp3",
                "/metadata/annotations/storageclass.kubernetes.io~1is-default-class"), "SC14", "AUTO_WARN", "true");
        // EFS is NFS: by default it becomes an Azure Files NFS class of the same name, and its claim keeps the name.
        assertApplied(example.change("storage.yaml", "StorageClass", "efs-sc", "/parameters/protocol"), "SC12", "AUTO", "nfs");
        example.assertNoConflictInvolves(OURS);

        String storage = example.manifest("storage.yaml");
        assertTrue(storage.contains("reclaimPolicy: Retain") && storage.contains("is-default-class"), storage);
        assertTrue(storage.contains("storageClassName: efs-sc") && storage.contains("protocol: nfs"), storage);
        assertTrue(example.manifest("postgres.yaml").contains("storageClassName: gp3"));
    }

    @Test
    void classesMappedToThemselvesAreConvertedInPlaceAndClaimsKeepTheirNames(@TempDir Path tmp) throws IOException {
        BundledExample example = BundledExample.convert(tmp, "acr: contoso.azurecr.io\nstorageClasses: {gp3: gp3}\nefsProtocol: nfs\n");

        assertApplied(example.change("storage.yaml", "StorageClass", "gp3", "/provisioner"), "SC1", "AUTO", "disk.csi.azure.com");
        assertApplied(example.change("storage.yaml", "StorageClass", "gp3", "/parameters/skuName"), "SC3", "AUTO_WARN", "PremiumV2_LRS");
        assertApplied(example.change("storage.yaml", "StorageClass", "efs-sc", "/parameters/protocol"), "SC12", "AUTO", "nfs");
        example.assertNoConflictInvolves(OURS);

        String storage = example.manifest("storage.yaml");
        for (String line : List.of("provisioner: disk.csi.azure.com", "skuName: PremiumV2_LRS", "DiskIOPSReadWrite: \"4000\"",
                "DiskMBpsReadWrite: \"250\"", "fsType: ext4", "provisioner: file.csi.azure.com", "protocol: nfs",
                "storageClassName: efs-sc", "reclaimPolicy: Retain", "is-default-class")) {
            assertTrue(storage.contains(line), line + " in\n" + storage);
        }
        for (String gone : List.of("iops:", "fileSystemId", "basePath", "encrypted")) {
            assertFalse(storage.contains(gone), gone + " in\n" + storage);
        }
        assertTrue(example.manifest("postgres.yaml").contains("storageClassName: gp3"));
    }

    @Test
    void theLiveExportsVolumesAreLeftForTheirClaimsToRecreate(@TempDir Path tmp) throws IOException {
        BundledExample example = BundledExample.convert(tmp, "acr: contoso.azurecr.io\n");

        assertEquals("PV4", example.exclusion("cluster-dump/config.yaml", "PersistentVolume",
                "pvc-a0d81c83-14c1-5afc-b18f-bc76eb5845fe").path("rule").asText());
        assertEquals("PV5", example.exclusion("cluster-dump/config.yaml", "PersistentVolume",
                "pvc-29825452-b7d5-5289-95c3-0a5912e6e129").path("rule").asText());
        assertEquals("SC2", example.exclusion("cluster-dump/config.yaml", "StorageClass", "gp2").path("rule").asText());
    }
}
