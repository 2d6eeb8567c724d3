package io.jenkins.plugins.eks2aks.velero.restore;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.KubernetesErrors;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.velero.PhaseWatch;
import io.jenkins.plugins.eks2aks.velero.ResultFiles;
import io.jenkins.plugins.eks2aks.velero.VeleroInstall;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;
import io.jenkins.plugins.eks2aks.velero.VeleroOutcome;
import io.jenkins.plugins.eks2aks.velero.VolumeProgress;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.jenkins.plugins.eks2aks.velero.model.RestoreStatus;
import io.jenkins.plugins.eks2aks.velero.model.VeleroPhase;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyRestore;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyResult;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The restore use case shared by {@code eks2aks restore} and the {@code aksRestore} step: make the backup visible
 * through a read-only location, apply the storage-class and image ConfigMaps (refusing a target class AKS does not
 * have), create the Restore (or find the one a previous run created), wait for it with progress, write
 * {@code restore-result.json}; then, unless turned off, what {@code verify-restore} checks.
 *
 * <p>Long because: each step of the restore must be safe to re-run after a failure at any other step, which is
 * easiest to check with the whole sequence in one place.
 */
public final class VeleroRestore {

    public static final String TOPIC = "restore";
    public static final String JSON = "restore-result.json";

    private final EventSink events;
    private final Clock clock;

    public VeleroRestore(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public RestoreResult run(RestoreRequest request, ClusterConnector connector) {
        List<ConfigMap> configMaps = request.veleroConfigMaps() != null
                ? RestoreConfigMaps.fromFolder(request.veleroConfigMaps(), request.names(), request.veleroNamespace())
                : request.mapping() != null ? RestoreConfigMaps.fromMapping(request.mapping(), request.veleroNamespace()) : List.of();
        BackupStorageLocation location = RestoreManifests.location(request);
        Restore wanted = RestoreManifests.restore(request, RestoreConfigMaps.modifiers(configMaps));
        StringBuilder yaml = new StringBuilder(Serialization.asYaml(location));
        configMaps.forEach(m -> yaml.append(Serialization.asYaml(m)));
        yaml.append(Serialization.asYaml(wanted));
        if (request.dryRun()) {
            events.info(TOPIC, "dry run: BackupStorageLocation " + location.getMetadata().getName() + ", " + configMaps.size()
                    + " ConfigMap(s) and Restore " + wanted.getMetadata().getName() + " would be created; nothing was sent to a cluster");
            return new RestoreResult(request.restoreName(), request.backup(), false, VeleroOutcome.STARTED, "dry run", wanted, yaml.toString(), null);
        }
        OutputFolder.checkReplaceable(request.output(), request.forceOutput());
        try (KubernetesClient client = connector.connect(request.cluster())) {
            RestoreResult result = run(request, client, location, configMaps, wanted, yaml.toString());
            VerifyResult verified = null;
            if (request.verify() && result.outcome() != VeleroOutcome.FAILED && result.outcome() != VeleroOutcome.STARTED) {
                verified = verify(request, client);
                if (verified != null && !verified.passed()) {
                    result = result.withOutcome(VeleroOutcome.FAILED, result.message() + "; but " + verified.oneLine()
                            + " (see " + VerifyRestore.JSON + ")");
                }
            }
            return report(request, result, verified);
        }
    }

    private RestoreResult run(RestoreRequest request, KubernetesClient client, BackupStorageLocation location,
                              List<ConfigMap> configMaps, Restore wanted, String yaml) {
        String ns = request.veleroNamespace();
        Resource<Restore> resource = client.resources(Restore.class).inNamespace(ns).withName(request.restoreName());
        Restore existing;
        try (PhaseWatch<Restore> watch = new PhaseWatch<>(resource, request.pollInterval(), clock)) {
            existing = resource.get();
            if (existing == null) {
                new VeleroInstall(client, ns).require(null, false);
                checkStorageClasses(client, configMaps);
                checkConfigMaps(client, configMaps);
                ensureLocation(client, location);
                applyConfigMaps(client, configMaps);
                awaitBackup(request, client);
                create(client, resource, wanted);
                return await(request, client, resource, watch, true, yaml);
            }
            List<String> diffs = RestoreManifests.differences(existing.getSpec(), wanted.getSpec());
            if (!diffs.isEmpty()) {
                throw new MigrationException("Restore " + ns + "/" + request.restoreName() + " already exists with another spec ("
                        + String.join("; ", diffs) + "): delete it, or give the same options as the run that created it");
            }
            events.info(TOPIC, "Restore " + request.restoreName() + " already exists (phase " + phase(existing) + "): "
                    + (VeleroPhase.isFinal(phase(existing)) ? "reusing it" : "waiting for it") + ", nothing created");
            return await(request, client, resource, watch, false, yaml);
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "restoring " + request.backup(), e);
        }
    }

    private Restore create(KubernetesClient client, Resource<Restore> resource, Restore wanted) {
        Restore created = client.resource(wanted).create();
        events.info(TOPIC, "created Restore " + wanted.getMetadata().getNamespace() + "/" + wanted.getMetadata().getName()
                + " of Backup " + wanted.getSpec().getBackupName() + " (existingResourcePolicy " + wanted.getSpec().getExistingResourcePolicy()
                + (wanted.getSpec().getResourceModifier() == null ? "" : ", resource modifiers " + wanted.getSpec().getResourceModifier().getName()) + ")");
        return created;
    }

    private void checkStorageClasses(KubernetesClient client, List<ConfigMap> configMaps) {
        List<String> missing = new ArrayList<>();
        for (String sc : RestoreConfigMaps.targetStorageClasses(configMaps)) {
            if (client.storage().v1().storageClasses().withName(sc).get() == null) {
                missing.add(sc);
            }
        }
        if (!missing.isEmpty()) {
            throw new MigrationException("StorageClass " + String.join(", ", missing) + (missing.size() > 1 ? " do" : " does")
                    + " not exist on the AKS cluster, and change-storage-class maps volumes to it: create it, or change the "
                    + "mapping (storageClasses in eks2aks.yaml) and convert again; nothing was created");
        }
    }

    private void ensureLocation(KubernetesClient client, BackupStorageLocation wanted) {
        var resource = client.resources(BackupStorageLocation.class).inNamespace(wanted.getMetadata().getNamespace()).withName(wanted.getMetadata().getName());
        BackupStorageLocation existing = resource.get();
        if (existing == null) {
            client.resource(wanted).create();
            events.info(TOPIC, "created read-only BackupStorageLocation " + wanted.getMetadata().getName() + " (Azure storage account "
                    + wanted.getSpec().getConfig().get("storageAccount") + ", container " + wanted.getSpec().getObjectStorage().getBucket()
                    + (wanted.getSpec().getObjectStorage().getPrefix() == null ? "" : ", prefix " + wanted.getSpec().getObjectStorage().getPrefix()) + ")");
            return;
        }
        List<String> diffs = RestoreManifests.differences(existing.getSpec(), wanted.getSpec());
        if (!diffs.isEmpty()) {
            throw new MigrationException("BackupStorageLocation " + wanted.getMetadata().getNamespace() + "/" + wanted.getMetadata().getName()
                    + " already exists with another spec (" + String.join("; ", diffs) + "): delete it or give the same storage options");
        }
        events.info(TOPIC, "BackupStorageLocation " + wanted.getMetadata().getName() + " already exists with this spec: reusing it");
    }

    /** Refuses, before anything is created, to replace a ConfigMap eks2aks did not write. */
    private void checkConfigMaps(KubernetesClient client, List<ConfigMap> configMaps) {
        for (ConfigMap map : configMaps) {
            ConfigMap existing = client.configMaps().inNamespace(map.getMetadata().getNamespace()).withName(map.getMetadata().getName()).get();
            if (existing != null && (existing.getMetadata().getLabels() == null
                    || !VeleroNames.EKS2AKS.equals(existing.getMetadata().getLabels().get(VeleroNames.MANAGED_BY)))) {
                throw new MigrationException("ConfigMap " + map.getMetadata().getNamespace() + "/" + map.getMetadata().getName()
                        + " exists and eks2aks did not write it: delete or rename it; eks2aks never overwrites it");
            }
        }
    }

    private void applyConfigMaps(KubernetesClient client, List<ConfigMap> configMaps) {
        for (ConfigMap map : configMaps) {
            var resource = client.configMaps().inNamespace(map.getMetadata().getNamespace()).withName(map.getMetadata().getName());
            ConfigMap existing = resource.get();
            if (existing == null) {
                client.resource(map).create();
            } else {
                existing.setData(map.getData());
                existing.getMetadata().setLabels(map.getMetadata().getLabels());
                client.resource(existing).update();
            }
            events.info(TOPIC, (existing == null ? "created" : "updated") + " ConfigMap " + map.getMetadata().getNamespace() + "/"
                    + map.getMetadata().getName() + " (" + (map.getData() == null ? 0 : map.getData().size()) + " entries)");
        }
    }

    /** Velero's backup-sync controller makes the Backup appear once the location is Available. */
    private void awaitBackup(RestoreRequest request, KubernetesClient client) {
        Resource<Backup> backup = client.resources(Backup.class).inNamespace(request.veleroNamespace()).withName(request.backup());
        events.info(TOPIC, "waiting for Velero to sync Backup " + request.backup() + " from " + request.location());
        PhaseWatch.Result<Backup> end;
        try (PhaseWatch<Backup> watch = new PhaseWatch<>(backup, request.pollInterval(), clock)) {
            end = watch.await(b -> b.getStatus() != null && VeleroPhase.isFinal(b.getStatus().getPhase()), b -> { }, request.timeout(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for Backup " + request.backup() + " to sync", e);
        }
        if (end.timedOut() || end.last() == null) {
            throw new MigrationException("Backup " + request.backup() + " did not appear through BackupStorageLocation " + request.location()
                    + " within " + request.timeout() + ": check that the backup was copied to container " + request.container()
                    + (request.prefix() == null ? "" : " under prefix " + request.prefix()) + " of storage account " + request.storageAccount()
                    + " and that Velero on AKS can read it (kubectl -n " + request.veleroNamespace() + " get backupstoragelocation " + request.location() + ")");
        }
        String phase = end.last().getStatus().getPhase();
        if (!VeleroPhase.COMPLETED.equals(phase) && !VeleroPhase.PARTIALLY_FAILED.equals(phase)) {
            throw new MigrationException("Backup " + request.backup() + " is " + phase + " and cannot be restored: back up again");
        }
        events.info(TOPIC, "Backup " + request.backup() + " is visible (" + phase + ")");
    }

    private RestoreResult await(RestoreRequest request, KubernetesClient client, Resource<Restore> resource, PhaseWatch<Restore> watch,
                                boolean created, String yaml) {
        if (!request.waitForEnd()) {
            return new RestoreResult(request.restoreName(), request.backup(), created, VeleroOutcome.STARTED,
                    "Restore " + request.restoreName() + " started; not waiting for it", resource.get(), yaml, null);
        }
        VolumeProgress volumes = VolumeProgress.ofRestore(client, request.veleroNamespace());
        String[] lastLine = {null};
        PhaseWatch.Result<Restore> end;
        try {
            end = watch.await(r -> VeleroPhase.isFinal(phase(r)), r -> {
                String line = progress(r) + volumes.describe(request.restoreName());
                if (!line.equals(lastLine[0])) {
                    lastLine[0] = line;
                    events.info(TOPIC, line);
                }
            }, request.timeout(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for Restore " + request.restoreName() + "; it goes on in the cluster: "
                    + "run again to wait for it", e);
        }
        if (end.deleted()) {
            return new RestoreResult(request.restoreName(), request.backup(), created, VeleroOutcome.FAILED, "Restore "
                    + request.restoreName() + " was deleted while eks2aks waited for it", end.last(), yaml, null);
        }
        if (end.timedOut()) {
            return new RestoreResult(request.restoreName(), request.backup(), created, VeleroOutcome.FAILED, "Restore "
                    + request.restoreName() + " did not finish within " + request.timeout() + " (phase " + phase(end.last())
                    + "); it goes on in the cluster: run again to wait for it", end.last(), yaml, null);
        }
        Restore done = end.last();
        return new RestoreResult(request.restoreName(), request.backup(), created, VeleroOutcome.ofPhase(phase(done)), message(done), done, yaml, null);
    }

    static String message(Restore r) {
        RestoreStatus s = r.getStatus();
        StringBuilder text = new StringBuilder("Restore " + r.getMetadata().getName() + " " + s.getPhase());
        if (s.getProgress() != null && s.getProgress().getItemsRestored() != null) {
            text.append(": ").append(s.getProgress().getItemsRestored()).append(" items restored");
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
            text.append(" (details: velero restore describe ").append(r.getMetadata().getName()).append(" --details; velero restore logs)");
        }
        return text.toString();
    }

    private static String progress(Restore r) {
        RestoreStatus s = r.getStatus();
        if (s == null || s.getPhase() == null) {
            return "Restore " + r.getMetadata().getName() + ": waiting for Velero to pick it up";
        }
        String items = s.getProgress() == null || s.getProgress().getTotalItems() == null ? ""
                : ", " + (s.getProgress().getItemsRestored() == null ? 0 : s.getProgress().getItemsRestored()) + "/"
                        + s.getProgress().getTotalItems() + " items restored";
        return "Restore " + r.getMetadata().getName() + ": " + s.getPhase() + items;
    }

    static String phase(Restore r) {
        return r == null || r.getStatus() == null || r.getStatus().getPhase() == null ? VeleroPhase.NEW : r.getStatus().getPhase();
    }

    /** verify-restore on the restored namespaces: the ones asked for, else the backup's, each as mapped. */
    private VerifyResult verify(RestoreRequest request, KubernetesClient client) {
        List<String> source = request.includeNamespaces();
        if (source.isEmpty()) {
            Backup backup = client.resources(Backup.class).inNamespace(request.veleroNamespace()).withName(request.backup()).get();
            source = backup == null || backup.getSpec() == null || backup.getSpec().getIncludedNamespaces() == null
                    ? List.of() : backup.getSpec().getIncludedNamespaces();
        }
        List<String> namespaces = source.stream().filter(ns -> !ns.contains("*")).map(ns -> request.namespaceMapping().getOrDefault(ns, ns)).toList();
        if (namespaces.isEmpty()) {
            events.warn(TOPIC, "verify-restore skipped: the backup holds all namespaces; to check the ones you moved, "
                    + request.names().checkNamespaces());
            return null;
        }
        return new VerifyRestore(events, clock).check(client, namespaces, null, request.timeout(), request.pollInterval());
    }

    private RestoreResult report(RestoreRequest request, RestoreResult result, VerifyResult verified) {
        Path folder = request.output().toAbsolutePath().normalize();
        RestoreResult withReport = result.withReport(folder.resolve(JSON));
        Map<String, String> files = new LinkedHashMap<>();
        LinkedHashMap<String, Object> map = withReport.toMap();
        if (verified != null) {
            map.put("verify", verified.oneLine());
            map.put("verifyPassed", verified.passed());
            files.putAll(VerifyRestore.files(new VerifyResult(verified.checks(), folder.resolve(VerifyRestore.JSON).toString())));
        }
        files.put(JSON, ResultFiles.json(map));
        ResultFiles.write(folder, TOPIC, request.forceOutput(), files);
        if (result.outcome() == VeleroOutcome.FAILED) {
            events.warn(TOPIC, result.message());
        } else {
            events.info(TOPIC, result.message());
        }
        events.info(TOPIC, "result in " + folder.resolve(JSON));
        return withReport;
    }
}
