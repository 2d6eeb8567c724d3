package io.jenkins.plugins.eks2aks.velero.backup;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.KubernetesErrors;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.velero.PhaseWatch;
import io.jenkins.plugins.eks2aks.velero.ResultFiles;
import io.jenkins.plugins.eks2aks.velero.VeleroInstall;
import io.jenkins.plugins.eks2aks.velero.VeleroOutcome;
import io.jenkins.plugins.eks2aks.velero.VolumeProgress;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import io.jenkins.plugins.eks2aks.velero.model.VeleroPhase;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backup use case shared by {@code eks2aks backup} and the {@code veleroBackup} step: check Velero, create the
 * Backup (or find the one a previous run created under the same name), wait for it with progress, write
 * {@code backup-result.json} and {@code backup-result.md}.
 */
public final class VeleroBackup {

    public static final String TOPIC = "backup";
    public static final String JSON = "backup-result.json";
    public static final String MARKDOWN = "backup-result.md";

    private final EventSink events;
    private final Clock clock;

    public VeleroBackup(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public BackupResult run(BackupRequest request, ClusterConnector connector) {
        Backup wanted = BackupManifest.of(request);
        String yaml = BackupManifest.yaml(wanted);
        if (request.dryRun()) {
            events.info(TOPIC, "dry run: Backup " + request.veleroNamespace() + "/" + request.name() + " would be created; nothing was sent to a cluster");
            return new BackupResult(request.name(), false, VeleroOutcome.STARTED, "dry run", wanted, yaml, null);
        }
        OutputFolder.checkReplaceable(request.output(), request.forceOutput());
        try (KubernetesClient client = connector.connect(request.cluster())) {
            BackupResult result = run(request, client, wanted, yaml);
            return report(request, result);
        } catch (KubernetesClientException e) {
            throw new MigrationException("Backup " + request.name() + " on " + request.cluster().describe() + ": " + e.getMessage(), e);
        }
    }

    private BackupResult run(BackupRequest request, KubernetesClient client, Backup wanted, String yaml) {
        Resource<Backup> resource = client.resources(Backup.class).inNamespace(request.veleroNamespace()).withName(request.name());
        try (PhaseWatch<Backup> watch = new PhaseWatch<>(resource, request.pollInterval(), clock)) {
            return run(request, client, resource, watch, wanted, yaml);
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "watching Backup " + request.name(), e);
        }
    }

    private BackupResult run(BackupRequest request, KubernetesClient client, Resource<Backup> resource, PhaseWatch<Backup> watch,
                             Backup wanted, String yaml) {
        Backup existing;
        try {
            existing = resource.get();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "reading Backup " + request.name(), e);
        }
        boolean created = false;
        if (existing != null) {
            List<String> diffs = BackupManifest.differences(existing.getSpec(), wanted.getSpec());
            if (!diffs.isEmpty()) {
                throw new MigrationException("Backup " + request.veleroNamespace() + "/" + request.name() + " already exists with another spec ("
                        + String.join("; ", diffs) + "): give another " + request.names().name() + ", or the same options as the run that created it");
            }
            String phase = phase(existing);
            events.info(TOPIC, "Backup " + request.name() + " already exists (phase " + phase + "): "
                    + (VeleroPhase.isFinal(phase) ? "reusing it, nothing created" : "waiting for it, nothing created"));
        } else {
            new VeleroInstall(client, request.veleroNamespace()).require(request.storageLocation(), request.fsBackup());
            checkNamespaces(client, request.includeNamespaces(), request.names().includeNamespaces());
            try {
                existing = client.resource(wanted).create();
            } catch (KubernetesClientException e) {
                throw KubernetesErrors.explain(client, "creating Backup " + request.name(), e);
            }
            created = true;
            events.info(TOPIC, "created Backup " + request.veleroNamespace() + "/" + request.name() + " (storage location "
                    + request.storageLocation() + (request.fsBackup() ? ", file-system backup of volumes" : "")
                    + (request.snapshotVolumes() ? ", volume snapshots" : "") + ")");
        }
        if (!request.waitForEnd() && !VeleroPhase.isFinal(phase(existing))) {
            return new BackupResult(request.name(), created, VeleroOutcome.STARTED, "Backup " + request.name()
                    + " started; not waiting for it", existing, yaml, null);
        }
        return await(request, client, watch, created, yaml);
    }

    private BackupResult await(BackupRequest request, KubernetesClient client, PhaseWatch<Backup> watch, boolean created, String yaml) {
        VolumeProgress volumes = VolumeProgress.ofBackup(client, request.veleroNamespace());
        String[] lastLine = {null};
        PhaseWatch.Result<Backup> end;
        try {
            end = watch.await(b -> VeleroPhase.isFinal(phase(b)), b -> {
                String line = progress(b) + volumes.describe(request.name());
                if (!line.equals(lastLine[0])) {
                    lastLine[0] = line;
                    events.info(TOPIC, line);
                }
            }, request.timeout(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for Backup " + request.name() + "; it goes on in the cluster: "
                    + "run again with the same name to wait for it", e);
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "watching Backup " + request.name(), e);
        }
        if (end.deleted()) {
            return new BackupResult(request.name(), created, VeleroOutcome.FAILED, "Backup " + request.name()
                    + " was deleted while eks2aks waited for it", end.last(), yaml, null);
        }
        if (end.timedOut()) {
            return new BackupResult(request.name(), created, VeleroOutcome.FAILED, "Backup " + request.name() + " did not finish within "
                    + request.timeout() + " (phase " + phase(end.last()) + "); it goes on in the cluster: run again with the same name "
                    + "to wait for it", end.last(), yaml, null);
        }
        Backup done = end.last();
        BackupStatus s = done.getStatus();
        VeleroOutcome outcome = VeleroOutcome.ofPhase(s.getPhase());
        return new BackupResult(request.name(), created, outcome, message(done), done, yaml, null);
    }

    static String message(Backup b) {
        BackupStatus s = b.getStatus();
        StringBuilder text = new StringBuilder("Backup " + b.getMetadata().getName() + " " + s.getPhase());
        if (s.getProgress() != null && s.getProgress().getItemsBackedUp() != null) {
            text.append(": ").append(s.getProgress().getItemsBackedUp()).append(" items backed up");
        }
        text.append(", ").append(s.getWarnings() == null ? 0 : s.getWarnings()).append(" warnings, ")
                .append(s.getErrors() == null ? 0 : s.getErrors()).append(" errors");
        if (s.getFailureReason() != null) {
            text.append("; failure reason: ").append(s.getFailureReason());
        }
        if (s.getValidationErrors() != null && !s.getValidationErrors().isEmpty()) {
            text.append("; validation errors: ").append(String.join("; ", s.getValidationErrors()));
        }
        if (VeleroPhase.PARTIALLY_FAILED.equals(s.getPhase()) || VeleroPhase.FAILED.equals(s.getPhase())) {
            text.append(" (details: velero backup describe ").append(b.getMetadata().getName()).append(" --details; velero backup logs)");
        }
        return text.toString();
    }

    private static String progress(Backup b) {
        BackupStatus s = b.getStatus();
        if (s == null || s.getPhase() == null) {
            return "Backup " + b.getMetadata().getName() + ": waiting for Velero to pick it up";
        }
        String items = s.getProgress() == null || s.getProgress().getTotalItems() == null ? ""
                : ", " + (s.getProgress().getItemsBackedUp() == null ? 0 : s.getProgress().getItemsBackedUp()) + "/"
                        + s.getProgress().getTotalItems() + " items backed up";
        return "Backup " + b.getMetadata().getName() + ": " + s.getPhase() + items;
    }

    static String phase(Backup b) {
        return b == null || b.getStatus() == null || b.getStatus().getPhase() == null ? VeleroPhase.NEW : b.getStatus().getPhase();
    }

    private static void checkNamespaces(KubernetesClient client, List<String> namespaces, String option) {
        List<String> missing = new ArrayList<>();
        for (String ns : namespaces) {
            if (!ns.contains("*") && client.namespaces().withName(ns).get() == null) {
                missing.add(ns);
            }
        }
        if (!missing.isEmpty()) {
            throw new MigrationException("Namespace" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + (missing.size() > 1 ? " do" : " does") + " not exist on the cluster: check " + option);
        }
    }

    private BackupResult report(BackupRequest request, BackupResult result) {
        Path folder = request.output().toAbsolutePath().normalize();
        BackupResult withReport = new BackupResult(result.name(), result.created(), result.outcome(), result.message(),
                result.backup(), result.yaml(), folder.resolve(JSON));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JSON, ResultFiles.json(BackupResult.known(withReport.toMap())));
        files.put(MARKDOWN, markdown(withReport));
        ResultFiles.write(folder, TOPIC, request.forceOutput(), files);
        if (result.outcome() == VeleroOutcome.FAILED) {
            events.warn(TOPIC, result.message());
        } else {
            events.info(TOPIC, result.message());
        }
        events.info(TOPIC, "result in " + folder.resolve(JSON));
        return withReport;
    }

    private static String markdown(BackupResult r) {
        StringBuilder md = new StringBuilder("# Velero backup ").append(r.name()).append("\n\n").append(r.message()).append("\n\n| Field | Value |\n|---|---|\n");
        BackupResult.known(r.toMap()).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.toString().replace("|", "\\|")).append(" |\n"));
        return md.toString();
    }
}
