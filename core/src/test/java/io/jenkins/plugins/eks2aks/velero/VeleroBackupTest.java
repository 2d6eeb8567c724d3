package io.jenkins.plugins.eks2aks.velero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.velero.backup.BackupOptions;
import io.jenkins.plugins.eks2aks.velero.backup.BackupResult;
import io.jenkins.plugins.eks2aks.velero.backup.VeleroBackup;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
/** {@code eks2aks backup} against a mock EKS API server with Velero's CRDs, Velero played by {@link VeleroController}. */
class VeleroBackupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T07:30:00Z"), ZoneOffset.UTC);
    private static final ClusterConnector CONNECTOR = ClusterConnector.kubeconfigOnly(Duration.ofSeconds(10));

    private static VeleroCluster eks;
    private static VeleroController velero;

    @TempDir
    Path tmp;

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster() {
        eks = new VeleroCluster().installed();
        eks.namespace("shop");
        eks.namespace("data");
        velero = new VeleroController(eks.admin, 30);
    }

    @AfterAll
    static void stopCluster() {
        velero.close();
        eks.close();
    }

    private BackupOptions options(String name, List<String> namespaces, String timeout, ClusterAccessOptions cluster, boolean dryRun) {
        return new BackupOptions(name, namespaces, List.of(), List.of(), null, null, "720h", null, null, null, null, timeout,
                dryRun, tmp.resolve("out"), false, Duration.ofMillis(100), cluster);
    }

    private BackupResult run(BackupOptions options) {
        return new VeleroBackup(events::add, Clock.systemUTC()).run(options.request(BackupOptions.Names.CLI, CLOCK), CONNECTOR);
    }

    private Backup stored(String name) {
        return eks.admin.resources(Backup.class).inNamespace("velero").withName(name).get();
    }

    @Test
    void createsTheBackupVeleroNeedsAndWaitsForItToComplete() throws Exception {
        BackupResult result = run(new BackupOptions("shop-1", List.of("shop,data"), List.of("kube-system"), List.of(),
                "app=shop", "default", "720h", null, null, null, null, "1m", false, tmp.resolve("out"), false,
                Duration.ofMillis(100), eks.kubeconfig(tmp)));

        assertEquals(VeleroOutcome.SUCCEEDED, result.outcome());
        assertTrue(result.created());
        Backup b = stored("shop-1");
        assertEquals(Map.of("app.kubernetes.io/managed-by", "eks2aks"), b.getMetadata().getLabels());
        assertEquals(List.of("shop", "data"), b.getSpec().getIncludedNamespaces());
        assertEquals(List.of("kube-system"), b.getSpec().getExcludedNamespaces());
        assertEquals(Map.of("app", "shop"), b.getSpec().getLabelSelector().getMatchLabels());
        assertEquals("default", b.getSpec().getStorageLocation());
        assertEquals("720h0m0s", b.getSpec().getTtl());
        assertEquals(Boolean.TRUE, b.getSpec().getDefaultVolumesToFsBackup());
        assertEquals(Boolean.FALSE, b.getSpec().getSnapshotVolumes());
        assertTrue(log().contains("Backup shop-1: InProgress, 5/10 items backed up"), log());
        assertTrue(log().contains("volumes 0/1 Completed"), log());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/backup-result.json").toFile());
        assertEquals("Completed", json.get("phase").asText());
        assertEquals(10, json.get("itemsBackedUp").asInt());
        assertEquals("SUCCEEDED", json.get("outcome").asText());
        assertTrue(json.hasNonNull("completionTimestamp"));
        assertTrue(Files.readString(tmp.resolve("out/backup-result.md")).contains("Backup shop-1 Completed"));
    }

    @Test
    void aRerunWithTheSameSpecReusesTheCompletedBackup() {
        assertEquals(VeleroOutcome.SUCCEEDED, run(options("shop-2", List.of("shop"), "1m", eks.kubeconfig(tmp), false)).outcome());
        String version = stored("shop-2").getMetadata().getResourceVersion();

        BackupResult again = run(options("shop-2", List.of("shop"), "1m", eks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.SUCCEEDED, again.outcome());
        assertFalse(again.created());
        assertEquals(version, stored("shop-2").getMetadata().getResourceVersion());
        assertEquals(1, velero.handled().stream().filter("backup/shop-2"::equals).count());
        assertTrue(log().contains("reusing it, nothing created"), log());
    }

    @Test
    void theSameNameWithAnotherSpecIsRefused() {
        run(options("shop-3", List.of("shop"), "1m", eks.kubeconfig(tmp), false));

        MigrationException e = assertThrows(MigrationException.class,
                () -> run(options("shop-3", List.of("shop", "data"), "1m", eks.kubeconfig(tmp), false)));

        assertTrue(e.getMessage().contains("already exists with another spec (includedNamespaces [shop] (wanted [shop, data]))"), e.getMessage());
        assertEquals(List.of("shop"), stored("shop-3").getSpec().getIncludedNamespaces());
    }

    @Test
    void partiallyFailedIsReportedWithItsCounts() {
        velero.script("shop-partial", VeleroController.partiallyFailed());

        BackupResult result = run(options("shop-partial", List.of("shop"), "1m", eks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.PARTIALLY_FAILED, result.outcome());
        assertEquals(2, result.outcome().exitCode());
        assertTrue(result.message().contains("PartiallyFailed: 8 items backed up, 3 warnings, 2 errors"), result.message());
    }

    @Test
    void failedAndFailedValidationSayWhy() {
        velero.script("shop-failed", VeleroController.failed());
        velero.script("shop-invalid", VeleroController.failedValidation());

        BackupResult failed = run(options("shop-failed", List.of("shop"), "1m", eks.kubeconfig(tmp), false));
        BackupResult invalid = run(options("shop-invalid", List.of("shop"), "1m", eks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.FAILED, failed.outcome());
        assertEquals(1, failed.outcome().exitCode());
        assertTrue(failed.message().contains("failure reason: get a backup store: bucket shop-backups not found"), failed.message());
        assertEquals(VeleroOutcome.FAILED, invalid.outcome());
        assertTrue(invalid.message().contains("validation errors: an existing backup storage location wasn't specified"), invalid.message());
    }

    @Test
    void aWaitThatTimesOutFailsAndARerunReattachesWithoutCreatingAnother() throws Exception {
        velero.script("shop-slow", VeleroController.stuck());

        BackupResult first = run(options("shop-slow", List.of("shop"), "1s", eks.kubeconfig(tmp), false));

        assertEquals(VeleroOutcome.FAILED, first.outcome());
        assertTrue(first.message().contains("did not finish within PT1S (phase InProgress)"), first.message());
        Thread finisher = new Thread(() -> {
            while (!log().contains("waiting for it, nothing created")) {
                sleep(50);
            }
            eks.admin.resources(Backup.class).inNamespace("velero").withName("shop-slow").edit(b -> {
                b.getStatus().setPhase("Completed");
                return b;
            });
        });
        finisher.start();
        BackupResult second = run(options("shop-slow", List.of("shop"), "1m", eks.kubeconfig(tmp), false));
        finisher.join();

        assertEquals(VeleroOutcome.SUCCEEDED, second.outcome());
        assertFalse(second.created());
        assertEquals(1, velero.handled().stream().filter("backup/shop-slow"::equals).count());
        assertTrue(log().contains("waiting for it, nothing created"), log());
    }

    @Test
    void aBackupDeletedWhileWaitingFails() throws Exception {
        velero.script("shop-deleted", VeleroController.stuck());
        Thread deleter = new Thread(() -> {
            while (stored("shop-deleted") == null || stored("shop-deleted").getStatus() == null) {
                sleep(50);
            }
            eks.admin.resources(Backup.class).inNamespace("velero").withName("shop-deleted").delete();
        });
        deleter.start();

        BackupResult result = run(options("shop-deleted", List.of("shop"), "1m", eks.kubeconfig(tmp), false));
        deleter.join();

        assertEquals(VeleroOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains("was deleted while eks2aks waited for it"), result.message());
    }

    @Test
    void aMissingVeleroInstallIsNamedAndNothingIsCreated() {
        try (VeleroCluster bare = new VeleroCluster()) {
            bare.namespace("shop");
            MigrationException e = assertThrows(MigrationException.class,
                    () -> run(options("shop-x", List.of("shop"), "1m", bare.kubeconfig(tmp), false)));
            assertTrue(e.getMessage().contains("Velero's CRD backups.velero.io is not served: install Velero"), e.getMessage());
            bare.crds();
            bare.namespace("velero");
            e = assertThrows(MigrationException.class, () -> run(options("shop-x", List.of("shop"), "1m", bare.kubeconfig(tmp), false)));
            assertEquals(List.of("Deployment velero/velero is missing: install Velero (velero install, or the vmware-tanzu/velero Helm chart)",
                    "BackupStorageLocation velero/default does not exist: create it (velero backup-location create default --provider aws "
                            + "--bucket BUCKET) or give another storage location",
                    "DaemonSet velero/node-agent is missing: file-system backup needs it (velero install --use-node-agent, or Helm "
                            + "deployNodeAgent=true), or turn file-system backup off"), e.getMessage().lines().toList());
            assertTrue(bare.admin.resources(Backup.class).inNamespace("velero").list().getItems().isEmpty());
        }
    }

    @Test
    void anUnavailableLocationOrAMissingNamespaceStopsBeforeCreating() {
        eks.location("broken", "gone", "Unavailable");
        MigrationException e = assertThrows(MigrationException.class, () -> run(new BackupOptions("shop-y", List.of("shop"), List.of(),
                List.of(), null, "broken", null, null, null, null, null, "1m", false, tmp.resolve("out"), false, Duration.ofMillis(100),
                eks.kubeconfig(tmp))));
        assertEquals("BackupStorageLocation velero/broken is not Available (phase Unavailable): check the bucket and Velero's credentials for it",
                e.getMessage());
        e = assertThrows(MigrationException.class, () -> run(options("shop-z", List.of("shop", "nope"), "1m", eks.kubeconfig(tmp), false)));
        assertEquals("Namespace nope does not exist on the cluster: check --include-namespaces", e.getMessage());
        assertNull(stored("shop-y"));
        assertNull(stored("shop-z"));
    }

    @Test
    void aDryRunPrintsTheBackupWithoutAnyCluster() {
        BackupResult result = run(options(null, List.of("shop"), null, BackupOptions.NO_CLUSTER, true));

        Backup printed = Serialization.unmarshal(result.yaml(), Backup.class);
        assertEquals("eks2aks-20261205-073000", printed.getMetadata().getName());
        assertEquals("velero.io/v1", printed.getApiVersion());
        assertEquals("Backup", printed.getKind());
        assertEquals(List.of("shop"), printed.getSpec().getIncludedNamespaces());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void badInputIsOneLineNamingTheOption() throws Exception {
        assertEquals("--name 'Shop_1' is not a valid Kubernetes name: use lower-case letters, digits, '-' and '.', starting and "
                + "ending with a letter or digit (at most 253 characters)", assertThrows(MigrationException.class,
                () -> options("Shop_1", List.of(), "1m", eks.kubeconfig(tmp), false).request(BackupOptions.Names.CLI, CLOCK)).getMessage());
        assertTrue(assertThrows(MigrationException.class, () -> options("a", List.of(), "2 hours", eks.kubeconfig(tmp), false)
                .request(BackupOptions.Names.CLI, CLOCK)).getMessage().startsWith("--timeout '2 hours' is not a duration"));
        Path broken = Files.writeString(tmp.resolve("broken-kubeconfig"), "clusters: [unclosed");
        MigrationException e = assertThrows(MigrationException.class, () -> run(options("a", List.of("shop"), "1m",
                new ClusterAccessOptions(broken, null, null, null, null, null, null), false)));
        assertTrue(e.getMessage().startsWith("Kubeconfig '" + broken + "' is not usable"), e.getMessage());
        assertEquals("--name names an AKS cluster; this command works on EKS: give --kubeconfig or --cluster with --region",
                assertThrows(MigrationException.class, () -> options("a", List.of(), "1m",
                        new ClusterAccessOptions(null, null, null, null, "rg", "aks", null), false).request(BackupOptions.Names.CLI, CLOCK)).getMessage());
    }

    private String log() {
        return String.join("\n", events.stream().map(MigrationEvent::toLogLine).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
