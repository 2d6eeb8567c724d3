package io.jenkins.plugins.eks2aks.velero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.velero.backup.BackupOptions;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupSpec;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreOptions;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreResult;
import io.jenkins.plugins.eks2aks.velero.restore.VeleroRestore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code eks2aks restore} against a mock AKS API server with Velero installed; {@link VeleroController} plays
 * Velero there, including the backup sync from the EKS side's bucket.
 */
@Timeout(300)
class VeleroRestoreTest {

    private static final ClusterConnector CONNECTOR = ClusterConnector.kubeconfigOnly(Duration.ofSeconds(10));
    static final String MAPPING = """
            apiVersion: eks2aks.io/v1
            storageClasses:
              gp2: managed-csi-premium
              efs-sc: azurefile-csi
            registries:
              123456789012.dkr.ecr.us-east-1.amazonaws.com: contoso.azurecr.io
            """;

    private static VeleroCluster eks;
    private static VeleroCluster aks;
    private static VeleroController aksVelero;

    @TempDir
    Path tmp;

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startClusters() {
        eks = new VeleroCluster().installed();
        for (String name : new String[] {"shop-move", "shop-partial", "shop-again"}) {
            completedBackup(eks, name);
        }
        aks = new VeleroCluster().installed();
        aks.admin.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName("managed-csi-premium")
                .endMetadata().withProvisioner("disk.csi.azure.com").build()).create();
        aksVelero = new VeleroController(aks.admin, 30).syncFrom(eks.admin);
    }

    @AfterAll
    static void stopClusters() {
        aksVelero.close();
        aks.close();
        eks.close();
    }

    static void completedBackup(VeleroCluster cluster, String name) {
        Backup b = new Backup();
        b.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("velero").build());
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(List.of("shop"));
        b.setSpec(spec);
        BackupStatus status = new BackupStatus();
        status.setPhase("Completed");
        b.setStatus(status);
        cluster.admin.resource(b).create();
    }

    private RestoreOptions options(String backup, Path configMaps, Path mapping, ClusterAccessOptions cluster, boolean dryRun) {
        return new RestoreOptions(backup, "shopbackups", "velero", "eks", "rg-backups", "00000000-0000-0000-0000-000000000001",
                configMaps, mapping, List.of("shop"), List.of("shop:shop-aks"), null, null, null, "30s", false, dryRun,
                tmp.resolve("out"), false, Duration.ofMillis(100), cluster);
    }

    private RestoreResult run(RestoreOptions options) {
        return new VeleroRestore(events::add, Clock.systemUTC()).run(options.request(RestoreOptions.Names.CLI), CONNECTOR);
    }

    private Path mapping(String text) throws Exception {
        return Files.writeString(tmp.resolve("eks2aks.yaml"), text);
    }

    @Test
    void restoresThroughAReadOnlyLocationWithTheStorageClassAndImageMaps() throws Exception {
        RestoreResult result = run(options("shop-move", null, mapping(MAPPING.replace("efs-sc: azurefile-csi", "gp3: managed-csi-premium")),
                aks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.SUCCEEDED, result.outcome(), result.message());
        BackupStorageLocation bsl = aks.admin.resources(BackupStorageLocation.class).inNamespace("velero").withName("eks2aks-shop-move").get();
        assertEquals("azure", bsl.getSpec().getProvider());
        assertEquals("ReadOnly", bsl.getSpec().getAccessMode());
        assertEquals("velero", bsl.getSpec().getObjectStorage().getBucket());
        assertEquals("eks", bsl.getSpec().getObjectStorage().getPrefix());
        assertEquals(Map.of("resourceGroup", "rg-backups", "storageAccount", "shopbackups", "subscriptionId",
                "00000000-0000-0000-0000-000000000001"), bsl.getSpec().getConfig());
        ConfigMap classes = aks.admin.configMaps().inNamespace("velero").withName("eks2aks-change-storage-class").get();
        assertEquals("RestoreItemAction", classes.getMetadata().getLabels().get("velero.io/change-storage-class"));
        assertEquals("", classes.getMetadata().getLabels().get("velero.io/plugin-config"));
        assertEquals(Map.of("gp2", "managed-csi-premium", "gp3", "managed-csi-premium"), classes.getData());
        ConfigMap images = aks.admin.configMaps().inNamespace("velero").withName("eks2aks-change-image-name").get();
        assertEquals(Map.of("case1", "123456789012.dkr.ecr.us-east-1.amazonaws.com,contoso.azurecr.io"), images.getData());
        Restore restore = aks.admin.resources(Restore.class).inNamespace("velero").withName("eks2aks-restore-shop-move").get();
        assertEquals("shop-move", restore.getSpec().getBackupName());
        assertEquals(List.of("shop"), restore.getSpec().getIncludedNamespaces());
        assertEquals(Map.of("shop", "shop-aks"), restore.getSpec().getNamespaceMapping());
        assertEquals(Boolean.TRUE, restore.getSpec().getRestorePVs());
        assertEquals("none", restore.getSpec().getExistingResourcePolicy());
        assertTrue(log().contains("Restore eks2aks-restore-shop-move: InProgress, 5/10 items restored"), log());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/restore-result.json").toFile());
        assertEquals("Completed", json.get("phase").asText());
        assertEquals(10, json.get("itemsRestored").asInt());
    }

    @Test
    void aRestoreOfAllNamespacesSaysHowToCheckTheOnesMoved() {
        Backup all = new Backup();
        all.setMetadata(new ObjectMetaBuilder().withName("everything").withNamespace("velero").build());
        all.setSpec(new BackupSpec());
        BackupStatus status = new BackupStatus();
        status.setPhase("Completed");
        all.setStatus(status);
        eks.admin.resource(all).create();

        RestoreResult result = run(new RestoreOptions("everything", "shopbackups", "velero", "eks", "rg-backups", null, null, null,
                List.of(), List.of(), null, null, null, "30s", true, false, tmp.resolve("out"), false, Duration.ofMillis(100),
                aks.kubeconfig(tmp)));

        assertEquals(VeleroOutcome.SUCCEEDED, result.outcome(), result.message());
        assertTrue(log().contains("verify-restore skipped: the backup holds all namespaces; to check the ones you moved, "
                + "run eks2aks verify-restore --namespaces NS"), log());
    }

    @Test
    void aRerunReusesTheLocationAndTheRestore() throws Exception {
        Path m = mapping(MAPPING.replace("  efs-sc: azurefile-csi\n", ""));
        assertEquals(VeleroOutcome.SUCCEEDED, run(options("shop-again", null, m, aks.kubeconfig(tmp), false)).outcome());

        RestoreResult again = run(options("shop-again", null, m, aks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.SUCCEEDED, again.outcome());
        assertFalse(again.created());
        assertEquals(1, aksVelero.handled().stream().filter("restore/eks2aks-restore-shop-again"::equals).count());
    }

    @Test
    void aPartiallyFailedRestoreIsReported() throws Exception {
        aksVelero.script("eks2aks-restore-shop-partial", VeleroController.partiallyFailed());

        RestoreResult result = run(options("shop-partial", null, null, aks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.PARTIALLY_FAILED, result.outcome());
        assertTrue(result.message().contains("PartiallyFailed: 8 items restored, 3 warnings, 2 errors"), result.message());
    }

    @Test
    void aMissingTargetStorageClassIsRefusedBeforeAnythingIsCreated() throws Exception {
        MigrationException e = assertThrows(MigrationException.class,
                () -> run(options("shop-other", null, mapping(MAPPING), aks.kubeconfig(tmp), false)));

        assertTrue(e.getMessage().startsWith("StorageClass azurefile-csi does not exist on the AKS cluster"), e.getMessage());
        assertNull(aks.admin.resources(BackupStorageLocation.class).inNamespace("velero").withName("eks2aks-shop-other").get());
        assertNull(aks.admin.resources(Restore.class).inNamespace("velero").withName("eks2aks-restore-shop-other").get());
    }

    @Test
    void configMapsComeFromTheConvertFolderAndOnlyEks2aksOnesAreReplaced() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("velero"));
        Files.writeString(folder.resolve("change-storage-class.yaml"), """
                # Velero ChangeStorageClassAction
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: shop-classes
                  namespace: velero
                  labels:
                    velero.io/plugin-config: ""
                    velero.io/change-storage-class: RestoreItemAction
                data:
                  gp2: managed-csi-premium
                """);
        aks.admin.configMaps().inNamespace("velero").resource(new ConfigMapBuilder().withNewMetadata().withName("shop-classes")
                .withNamespace("velero").endMetadata().addToData("gp2", "default").build()).create();

        MigrationException e = assertThrows(MigrationException.class, () -> run(options("shop-folder", folder, null, aks.kubeconfig(tmp), false)));

        assertEquals("ConfigMap velero/shop-classes exists and eks2aks did not write it: delete or rename it; eks2aks never overwrites it", e.getMessage());
        assertEquals(Map.of("gp2", "default"), aks.admin.configMaps().inNamespace("velero").withName("shop-classes").get().getData());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(MigrationException.class, () -> run(options("shop-folder", empty, null, aks.kubeconfig(tmp), false)))
                .getMessage().startsWith("--velero-configmaps '" + empty + "' holds no Velero ConfigMap"));
    }

    @Test
    void aDryRunPrintsTheLocationTheConfigMapsAndTheRestoreWithoutAnyCluster() throws Exception {
        RestoreResult result = run(options("shop-move", null, mapping(MAPPING), BackupOptions.NO_CLUSTER, true));

        assertTrue(result.yaml().contains("kind: \"BackupStorageLocation\""), result.yaml());
        assertTrue(result.yaml().contains("accessMode: \"ReadOnly\""), result.yaml());
        assertTrue(result.yaml().contains("efs-sc: \"azurefile-csi\""), result.yaml());
        assertTrue(result.yaml().contains("kind: \"Restore\""), result.yaml());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("Give --storage-account: the storage account the backup was copied to", assertThrows(MigrationException.class,
                () -> new RestoreOptions("b", null, "c", null, "rg", null, null, null, List.of(), List.of(), null, null, null, null, null,
                        true, null, false, null, BackupOptions.NO_CLUSTER).request(RestoreOptions.Names.CLI)).getMessage());
        assertEquals("--namespace-mapping 'shop': write old:new, e.g. shop:shop-aks", assertThrows(MigrationException.class,
                () -> new RestoreOptions("b", "a", "c", null, "rg", null, null, null, List.of(), List.of("shop"), null, null, null, null, null,
                        true, null, false, null, BackupOptions.NO_CLUSTER).request(RestoreOptions.Names.CLI)).getMessage());
        assertEquals("--cluster names an EKS cluster; this command works on AKS: give --kubeconfig or --resource-group with --name",
                assertThrows(MigrationException.class, () -> new RestoreOptions("b", "a", "c", null, "rg", null, null, null, List.of(), List.of(),
                        null, null, null, null, null, false, tmp, false, null, new ClusterAccessOptions(null, null, "eks", null, null, null, null))
                        .request(RestoreOptions.Names.CLI)).getMessage());
    }

    private String log() {
        return String.join("\n", events.stream().map(MigrationEvent::toLogLine).toList());
    }
}
