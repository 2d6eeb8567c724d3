package io.jenkins.plugins.eks2aks.velero;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupProgress;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocationStatus;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.jenkins.plugins.eks2aks.velero.model.RestoreProgress;
import io.jenkins.plugins.eks2aks.velero.model.RestoreStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Velero's controllers against a mock API server, the way Velero moves its objects: a new Backup or Restore
 * goes New → InProgress (startTimestamp, progress counting up, a PodVolumeBackup per volume for a backup) → a final
 * phase with completionTimestamp, warnings, errors and failureReason as the script says; FailedValidation comes
 * straight from New with validationErrors. A read-only BackupStorageLocation becomes Available and, one sync later,
 * the Backups of the source cluster's bucket appear in it (the backup-sync controller), Completed.
 */
final class VeleroController implements AutoCloseable {

    /** One status Velero writes: phase, items done of total, warnings, errors, failure reason, validation errors. */
    record Step(String phase, int done, int total, int warnings, int errors, String failureReason, List<String> validationErrors) {

        static Step of(String phase, int done, int total) {
            return new Step(phase, done, total, 0, 0, null, null);
        }
    }

    static List<Step> completed(int total) {
        return List.of(Step.of("InProgress", 0, total), Step.of("InProgress", total / 2, total), Step.of("Completed", total, total));
    }

    static List<Step> partiallyFailed() {
        return List.of(Step.of("InProgress", 0, 8), new Step("PartiallyFailed", 8, 8, 3, 2, null, null));
    }

    static List<Step> failed() {
        return List.of(Step.of("InProgress", 0, 8), new Step("Failed", 2, 8, 0, 1, "get a backup store: bucket shop-backups not found", null));
    }

    static List<Step> failedValidation() {
        return List.of(new Step("FailedValidation", 0, 0, 0, 0, null, List.of("an existing backup storage location wasn't specified at backup creation time and the default 'default' wasn't found")));
    }

    /** Velero picked it up and never finishes (a stuck node agent). */
    static List<Step> stuck() {
        return List.of(Step.of("InProgress", 1, 8));
    }

    private final KubernetesClient client;
    private final long stepMillis;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "velero-controller");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Step>> scripts = new ConcurrentHashMap<>();
    private volatile List<Step> defaultScript = completed(10);
    private volatile KubernetesClient syncSource;
    final List<String> handled = new CopyOnWriteArrayList<>();

    VeleroController(KubernetesClient client, long stepMillis) {
        this.client = client;
        this.stepMillis = stepMillis;
        executor.scheduleWithFixedDelay(this::reconcile, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** The phases the Backup or Restore {@code name} goes through. */
    VeleroController script(String name, List<Step> steps) {
        scripts.put(name, steps);
        return this;
    }

    VeleroController byDefault(List<Step> steps) {
        defaultScript = steps;
        return this;
    }

    /** Read-only locations on this cluster show the Backups of {@code source} once they are Available. */
    VeleroController syncFrom(KubernetesClient source) {
        this.syncSource = source;
        return this;
    }

    private void reconcile() {
        try {
            for (Backup b : client.resources(Backup.class).inNamespace("velero").list().getItems()) {
                if (seen.add("backup/" + b.getMetadata().getName()) && b.getStatus() == null) {
                    handled.add("backup/" + b.getMetadata().getName());
                    play("backup", b.getMetadata().getName(), scripts.getOrDefault(b.getMetadata().getName(), defaultScript));
                }
            }
            for (Restore r : client.resources(Restore.class).inNamespace("velero").list().getItems()) {
                if (seen.add("restore/" + r.getMetadata().getName()) && r.getStatus() == null) {
                    handled.add("restore/" + r.getMetadata().getName());
                    play("restore", r.getMetadata().getName(), scripts.getOrDefault(r.getMetadata().getName(), defaultScript));
                }
            }
            for (BackupStorageLocation l : client.resources(BackupStorageLocation.class).inNamespace("velero").list().getItems()) {
                if (l.getStatus() == null && "ReadOnly".equals(l.getSpec().getAccessMode()) && seen.add("bsl/" + l.getMetadata().getName())) {
                    handled.add("bsl/" + l.getMetadata().getName());
                    BackupStorageLocationStatus s = new BackupStorageLocationStatus();
                    s.setPhase("Available");
                    s.setLastValidationTime(Instant.now().toString());
                    l.setStatus(s);
                    client.resource(l).updateStatus();
                    executor.schedule(() -> sync(l.getMetadata().getName()), stepMillis, TimeUnit.MILLISECONDS);
                }
            }
        } catch (RuntimeException e) {
            // the server is going away at the end of a test; anything else must not stop the controller
            if (!executor.isShutdown()) {
                e.printStackTrace();
            }
        }
    }

    private void sync(String location) {
        KubernetesClient source = syncSource;
        if (source == null) {
            return;
        }
        for (Backup b : source.resources(Backup.class).inNamespace("velero").list().getItems()) {
            if (b.getStatus() == null || !"Completed".equals(b.getStatus().getPhase())) {
                continue;
            }
            Backup copy = new Backup();
            copy.setMetadata(new ObjectMetaBuilder().withName(b.getMetadata().getName()).withNamespace("velero")
                    .withLabels(Map.of("velero.io/storage-location", location)).build());
            copy.setSpec(b.getSpec());
            copy.setStatus(b.getStatus());
            seen.add("backup/" + b.getMetadata().getName());
            if (client.resources(Backup.class).inNamespace("velero").withName(b.getMetadata().getName()).get() == null) {
                client.resource(copy).create();
            }
        }
    }

    private void play(String kind, String name, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            executor.schedule(() -> apply(kind, name, step, last), stepMillis * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    private void apply(String kind, String name, Step step, boolean last) {
        String start = Instant.now().toString();
        try {
            if (kind.equals("backup")) {
                var resource = client.resources(Backup.class).inNamespace("velero").withName(name);
                if (resource.get() == null) {
                    return;
                }
                resource.edit(b -> {
                    BackupStatus s = b.getStatus() == null ? new BackupStatus() : b.getStatus();
                    s.setPhase(step.phase());
                    if (s.getStartTimestamp() == null && !step.phase().equals("FailedValidation")) {
                        s.setStartTimestamp(start);
                    }
                    BackupProgress p = new BackupProgress();
                    p.setTotalItems(step.total());
                    p.setItemsBackedUp(step.done());
                    s.setProgress(step.total() == 0 ? null : p);
                    s.setWarnings(step.warnings() == 0 ? null : step.warnings());
                    s.setErrors(step.errors() == 0 ? null : step.errors());
                    s.setFailureReason(step.failureReason());
                    s.setValidationErrors(step.validationErrors());
                    if (last) {
                        s.setCompletionTimestamp(Instant.now().toString());
                    }
                    b.setStatus(s);
                    return b;
                });
                volume(name, step.phase());
            } else {
                var resource = client.resources(Restore.class).inNamespace("velero").withName(name);
                if (resource.get() == null) {
                    return;
                }
                resource.edit(r -> {
                    RestoreStatus s = r.getStatus() == null ? new RestoreStatus() : r.getStatus();
                    s.setPhase(step.phase());
                    if (s.getStartTimestamp() == null) {
                        s.setStartTimestamp(start);
                    }
                    RestoreProgress p = new RestoreProgress();
                    p.setTotalItems(step.total());
                    p.setItemsRestored(step.done());
                    s.setProgress(step.total() == 0 ? null : p);
                    s.setWarnings(step.warnings() == 0 ? null : step.warnings());
                    s.setErrors(step.errors() == 0 ? null : step.errors());
                    s.setFailureReason(step.failureReason());
                    s.setValidationErrors(step.validationErrors());
                    if (last) {
                        s.setCompletionTimestamp(Instant.now().toString());
                    }
                    r.setStatus(s);
                    return r;
                });
            }
        } catch (RuntimeException e) {
            // deleted meanwhile, or the server is going away
            if (!executor.isShutdown()) {
                e.printStackTrace();
            }
        }
    }

    /** The node agent's PodVolumeBackup for the backup's one volume: created InProgress, Completed with the backup. */
    private void volume(String backup, String phase) {
        var kind = new ResourceDefinitionContext.Builder().withGroup("velero.io").withVersion("v1").withKind("PodVolumeBackup")
                .withPlural("podvolumebackups").withNamespaced(true).build();
        var resources = client.genericKubernetesResources(kind).inNamespace("velero");
        String name = backup + "-data";
        GenericKubernetesResource pvb = resources.withName(name).get();
        if (pvb == null) {
            pvb = new GenericKubernetesResource();
            pvb.setApiVersion("velero.io/v1");
            pvb.setKind("PodVolumeBackup");
            pvb.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("velero").withLabels(Map.of("velero.io/backup-name", backup)).build());
        }
        pvb.setAdditionalProperty("status", Map.of("phase", phase.equals("InProgress") ? "InProgress" : "Completed"));
        resources.resource(pvb).createOr(r -> r.update());
    }

    List<String> handled() {
        return new ArrayList<>(handled);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
