package io.jenkins.plugins.eks2aks.migrate;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.storage.CSIDriverBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.ledger.LedgerEntry;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import io.jenkins.plugins.eks2aks.velero.VeleroCluster;
import io.jenkins.plugins.eks2aks.velero.VeleroController;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data steps of a migration between two clusters: fabric8 mock API servers with Velero's CRDs for EKS and AKS (a
 * test controller plays Velero on each and shows the EKS backups to AKS's read-only location), a folder standing in
 * for the backup bucket copied into Azurite. Proves a re-run creates no second Backup or Restore and copies nothing.
 */
class MigrationDataStepsTest {

    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();

    private static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");

    @TempDir
    Path tmp;

    private VeleroCluster eks;
    private VeleroCluster aks;
    private VeleroController eksVelero;
    private VeleroController aksVelero;
    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startClusters() {
        eks = new VeleroCluster().installed();
        eks.namespace("shop");
        aks = new VeleroCluster().installed();
        aks.namespace("shop");
        for (String[] sc : new String[][] {{"managed-csi-premium", "disk.csi.azure.com"}, {"managed-csi", "disk.csi.azure.com"},
                {"azurefile-csi", "file.csi.azure.com"}, {"azurefile-csi-premium", "file.csi.azure.com"}}) {
            aks.admin.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(sc[0])
                    .endMetadata().withProvisioner(sc[1]).build()).create();
        }
        eksVelero = new VeleroController(eks.admin, 20);
        aksVelero = new VeleroController(aks.admin, 20).syncFrom(eks.admin);
    }

    @AfterEach
    void stopClusters() {
        aksVelero.close();
        eksVelero.close();
        aks.close();
        eks.close();
    }

    @Test
    void aFailedPreflightResumesAfterTheFixThenARerunRepeatsNothingAndFromForces() throws Exception {
        Path bucket = bucket(MigrateOptions.DEFAULT_BACKUP_NAME);
        BlobContainerClient container = container("velero-" + System.nanoTime());
        MigrateOptions options = options(bucket, container, null);

        // AKS lacks the CSI drivers and the snapshot controller: the run stops at preflight, before anything moves.
        MigrationSummary stopped = run(options);

        assertEquals("preflight", stopped.failedStep(), stopped.oneLine());
        assertTrue(stopped.steps().get(1).message().contains("disk-csi, file-csi, snapshot-controller"), stopped.steps().get(1).message());
        assertEquals(0, backups(), "nothing was backed up");

        readyAks();
        MigrationSummary resumed = run(options);

        assertTrue(resumed.succeeded(), resumed.oneLine() + " " + resumed.steps());
        assertEquals(List.of("up-to-date", "ran", "skipped", "ran", "ran", "ran", "ran", "ran", "ran"), states(resumed));
        assertEquals("its last run failed", resumed.steps().get(1).reason());
        assertEquals(1, backups());
        assertEquals(1, restores());
        assertEquals(List.of("backups/eks2aks-migration/eks2aks-migration.tar.gz", "backups/eks2aks-migration/velero-backup.json",
                "kopia/shop/kopia.repository", "kopia/shop/p0001"), blobs(container), "the bucket is in the container");
        Ledger ledger = Ledger.read(tmp.resolve("migration").resolve(Ledger.FILE));
        assertEquals(LedgerEntry.Outcome.FAILED, ledger.entries().get(1).outcome(), "the failed preflight stays in the ledger");
        assertEquals(4L, ledger.latest("sync-storage").orElseThrow().work().get("objects"));

        // Nothing changed: nothing runs, no second Backup or Restore, nothing copied.
        List<String> handled = List.copyOf(aksVelero.handled());
        MigrationSummary again = run(options);

        assertEquals(List.of("up-to-date", "up-to-date", "skipped", "up-to-date", "up-to-date", "up-to-date", "up-to-date", "up-to-date",
                "up-to-date"), states(again));
        assertEquals(1, backups());
        assertEquals(1, restores());
        assertEquals(handled, aksVelero.handled(), "Velero on AKS saw nothing new");

        // A new object in the bucket changes sync-storage's inputs: it and everything reading it run again; the backup does not.
        Files.write(bucket.resolve("kopia/shop/p0002"), new byte[1024]);
        MigrationSummary changed = run(options);

        assertEquals(List.of("up-to-date", "up-to-date", "skipped", "up-to-date", "up-to-date", "ran", "ran", "ran", "ran"), states(changed));
        assertEquals("inputs changed", changed.steps().get(5).reason());
        assertEquals(1, backups(), "the Backup is not made again");
        assertEquals(1, restores(), "the Restore of the same backup is re-attached, not made again");

        // --from restore forces the restore and its checks, and nothing before them.
        MigrationSummary forced = run(options(bucket, container, "restore"));
        assertEquals(List.of("not-run", "not-run", "not-run", "not-run", "not-run", "not-run", "not-run", "ran", "ran"), states(forced));
        assertEquals(1, restores());
    }

    private void readyAks() {
        for (String driver : new String[] {"disk.csi.azure.com", "file.csi.azure.com"}) {
            aks.admin.storage().v1().csiDrivers().resource(new CSIDriverBuilder().withNewMetadata().withName(driver).endMetadata()
                    .withNewSpec().endSpec().build()).create();
        }
        aks.admin.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("volumesnapshots.snapshot.storage.k8s.io").endMetadata()
                .withNewSpec().withGroup("snapshot.storage.k8s.io").withScope("Namespaced")
                .withNewNames().withKind("VolumeSnapshot").withPlural("volumesnapshots").withSingular("volumesnapshot").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion()
                .endSpec().build()).create();
    }

    private int backups() {
        return eks.admin.resources(Backup.class).inNamespace("velero").list().getItems().size();
    }

    private int restores() {
        return aks.admin.resources(Restore.class).inNamespace("velero").list().getItems().size();
    }

    private static List<String> blobs(BlobContainerClient container) {
        return container.listBlobs().stream().map(b -> b.getName()).sorted().toList();
    }

    @Test
    void aBackupOfAMissingNamespaceNamesMigratesOwnOption() throws Exception {
        MigrateOptions options = new MigrateOptions(EXAMPLE.toString(), null, tmp.resolve("migration").toString(), false, "backup", "backup",
                false, null, null, eks.kubeconfig(tmp).kubeconfig().toString(), null, null, null, null, null, null, null, null, null, null,
                List.of(), null, List.of("nope"), null, "1m", null, null, null, null, null);

        MigrationSummary failed = run(options);

        assertEquals("backup", failed.failedStep(), failed.oneLine());
        assertTrue(failed.steps().get(4).message().endsWith("Namespace nope does not exist on the cluster: check --namespaces"),
                "migrate's option, not the backup command's --include-namespaces: " + failed.steps().get(4).message());
        assertEquals(0, backups(), "nothing was backed up");
    }

    private static List<String> states(MigrationSummary summary) {
        return summary.steps().stream().map(s -> s.state().key()).toList();
    }

    private MigrationSummary run(MigrateOptions options) throws InterruptedException {
        return new MigrationRun(events::add, Clock.systemUTC()).run(options.request(MigrateOptions.Names.CLI, PathScope.currentFolder())
                .withPollInterval(Duration.ofMillis(50)), new MigrationClients(Map.of(), null, null, null), "eks2aks migrate RESUME");
    }

    private MigrateOptions options(Path bucket, BlobContainerClient container, String from) {
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), new BlobContainerSasPermission()
                .setReadPermission(true).setAddPermission(true).setCreatePermission(true).setWritePermission(true).setListPermission(true)));
        return new MigrateOptions(EXAMPLE.toString(), null, tmp.resolve("migration").toString(), false, from, null, false, null, null,
                eks.kubeconfig(tmp).kubeconfig().toString(), null, null, null, null, null, aks.kubeconfig(tmp).kubeconfig().toString(), null,
                null, null, null, List.of(), null, List.of("shop"), null, "1m", bucket.toString(), container.getBlobContainerUrl() + "?" + sas,
                io.jenkins.plugins.eks2aks.testservers.Azurite.ACCOUNT_NAME, container.getBlobContainerName(), "rg-backups");
    }

    /** What Velero writes into its bucket for a backup: the files a restore reads. */
    private Path bucket(String backup) throws Exception {
        Path root = tmp.resolve("bucket");
        Path dir = Files.createDirectories(root.resolve("backups").resolve(backup));
        Files.writeString(dir.resolve("velero-backup.json"), "{\"kind\":\"Backup\",\"metadata\":{\"name\":\"" + backup + "\"}}", StandardCharsets.UTF_8);
        Files.write(dir.resolve(backup + ".tar.gz"), new byte[4096]);
        Files.createDirectories(root.resolve("kopia/shop"));
        Files.writeString(root.resolve("kopia/shop/kopia.repository"), "{\"uniqueID\":\"shop\"}", StandardCharsets.UTF_8);
        Files.write(root.resolve("kopia/shop/p0001"), new byte[8192]);
        return root;
    }

    private BlobContainerClient container(String name) {
        BlobContainerClient c = new BlobServiceClientBuilder().connectionString(AZURITE.get().connectionString()).buildClient()
                .getBlobContainerClient(name);
        c.createIfNotExists();
        return c;
    }
}
