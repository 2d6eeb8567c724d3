package io.jenkins.plugins.eks2aks.steps.velero;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.jenkins.plugins.eks2aks.steps.RestartedContext;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import io.jenkins.plugins.eks2aks.velero.VeleroCluster;
import io.jenkins.plugins.eks2aks.velero.VeleroController;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupSpec;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A controller restart while {@code veleroBackup} or {@code aksRestore} waits: the execution is persisted the way the
 * program state stores it, the build before the restart is stopped while Velero works, and the restored execution's
 * {@code onResume} re-attaches to the same Backup or Restore (fabric8's mock API server, Velero played by the test).
 */
@Timeout(300)
class VeleroStepsResumeTest {

    @TempDir
    Path workspace;

    /** The build before the restart: runs until its object exists in the cluster, then the controller goes down. */
    private static void runUntilCreated(VeleroExecution execution, KubernetesClient cluster, Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type)
            throws Exception {
        Thread before = new Thread(() -> {
            try {
                execution.run();
            } catch (Exception stopped) {
                // the restart interrupts it: what happened in the cluster is what counts
            }
        });
        before.start();
        long end = System.currentTimeMillis() + 60_000;
        while (cluster.resources(type).inNamespace("velero").list().getItems().isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        before.interrupt();
        before.join(30_000);
    }

    private static String log() {
        return BufferListener.BUFFER.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterARestartVeleroBackupReAttachesToTheBackupItNamedWhenItStarted() throws Exception {
        try (VeleroCluster eks = new VeleroCluster().installed(); VeleroController velero = new VeleroController(eks.admin, 400)) {
            eks.namespace("shop");
            eks.cluster.writeKubeconfig(workspace.resolve("eks.kubeconfig"), "t");
            VeleroBackupStep step = new VeleroBackupStep(); // no name: the step names the Backup when it starts
            step.setKubeconfig("eks.kubeconfig");
            step.setIncludeNamespaces("shop");
            step.pollMillis = 100L;
            VeleroExecution execution = (VeleroExecution) step.start(new RestartedContext(workspace, "backup"));
            byte[] persisted = RestartedContext.persist(execution);
            String stored = new String(persisted, StandardCharsets.ISO_8859_1);
            assertFalse(stored.contains("VeleroBackupStep") || stored.contains("StepCredentials"), "only names and plain values are persisted");
            assertFalse(stored.contains("VeleroCallable$Cluster"), "no record: the program state's marshaller restores plain classes");
            BufferListener.BUFFER.reset();
            runUntilCreated(execution, eks.admin, Backup.class);

            Map<String, Object> result = (Map<String, Object>) RestartedContext.resume(persisted, "backup", (VeleroExecution e) -> e.resumedWorker());

            List<Backup> backups = eks.admin.resources(Backup.class).inNamespace("velero").list().getItems();
            assertEquals(1, backups.size(), "no second Backup: " + backups);
            String name = backups.get(0).getMetadata().getName();
            assertTrue(name.startsWith("eks2aks-"), name);
            assertEquals(name, result.get("name"));
            assertEquals("Completed", result.get("phase"));
            assertEquals(10, result.get("itemsBackedUp"));
            assertTrue(log().contains("[veleroBackup] resumed after a controller restart: re-attaching to Backup " + name), log());
            assertTrue(log().contains("Backup " + name + " already exists"), log());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterARestartAksRestoreReAttachesToItsRestore() throws Exception {
        try (VeleroCluster eks = new VeleroCluster().installed(); VeleroCluster aks = new VeleroCluster().installed();
             VeleroController velero = new VeleroController(aks.admin, 400).syncFrom(eks.admin)) {
            completedBackup(eks, "shop-nightly");
            aks.admin.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName("managed-csi-premium")
                    .endMetadata().withProvisioner("disk.csi.azure.com").build()).create();
            aks.cluster.writeKubeconfig(workspace.resolve("aks.kubeconfig"), "t");
            AksRestoreStep step = new AksRestoreStep();
            step.setBackup("shop-nightly");
            step.setStorageAccount("shopbackups");
            step.setContainer("velero");
            step.setStorageResourceGroup("rg-backups");
            step.setIncludeNamespaces("shop");
            step.setKubeconfig("aks.kubeconfig");
            step.setVerify(false);
            step.pollMillis = 100L;
            VeleroExecution execution = (VeleroExecution) step.start(new RestartedContext(workspace, "restore"));
            byte[] persisted = RestartedContext.persist(execution);
            assertFalse(new String(persisted, StandardCharsets.ISO_8859_1).contains("AksRestoreStep"), "only names and plain values are persisted");
            BufferListener.BUFFER.reset();
            runUntilCreated(execution, aks.admin, Restore.class);

            Map<String, Object> result = (Map<String, Object>) RestartedContext.resume(persisted, "restore", (VeleroExecution e) -> e.resumedWorker());

            List<Restore> restores = aks.admin.resources(Restore.class).inNamespace("velero").list().getItems();
            assertEquals(1, restores.size(), "no second Restore: " + restores);
            assertEquals("eks2aks-restore-shop-nightly", restores.get(0).getMetadata().getName());
            assertEquals("Completed", result.get("phase"), result.toString());
            assertEquals(1, velero.handled.stream().filter("restore/eks2aks-restore-shop-nightly"::equals).count(), velero.handled.toString());
            assertTrue(log().contains("[aksRestore] resumed after a controller restart: re-attaching to the Restore of Backup shop-nightly"), log());
            assertTrue(log().contains("Restore eks2aks-restore-shop-nightly already exists"), log());
        }
    }

    private static void completedBackup(VeleroCluster cluster, String name) {
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
}
