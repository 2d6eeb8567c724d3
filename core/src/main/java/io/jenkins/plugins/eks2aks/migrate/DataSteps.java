package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.ledger.InputDigest;
import io.jenkins.plugins.eks2aks.plan.MigrationStep;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSync;
import io.jenkins.plugins.eks2aks.storage.StorageSyncOptions;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.SyncSummary;
import io.jenkins.plugins.eks2aks.storage.verify.StorageVerify;
import io.jenkins.plugins.eks2aks.storage.verify.VerifySummary;
import io.jenkins.plugins.eks2aks.velero.VeleroOutcome;
import io.jenkins.plugins.eks2aks.velero.backup.BackupOptions;
import io.jenkins.plugins.eks2aks.velero.backup.BackupResult;
import io.jenkins.plugins.eks2aks.velero.backup.VeleroBackup;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreOptions;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreResult;
import io.jenkins.plugins.eks2aks.velero.restore.VeleroRestore;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyRestore;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The steps that move data: the Velero backup, its storage copied and verified, the restore and its checks. */
final class DataSteps {

    private final StepActions steps;
    private final MigrateRequest request;
    private final MigrateOptions.Names names;

    DataSteps(StepActions steps) {
        this.steps = steps;
        this.request = steps.request();
        this.names = steps.names();
    }

    PreparedStep backup() {
        MigrationStep step = MigrationStep.BACKUP;
        InputDigest digest = steps.digest(step).value("backup", request.backupName()).value("namespaces", String.join(",", request.namespaces()))
                .value("eksCluster", request.eksCluster()).value("kubeconfig", StepActions.text(request.sourceKubeconfig()))
                .value("context", request.sourceContext()).value("velero", request.veleroNamespace());
        if (!request.sourceLive()) {
            return PreparedStep.skipped(step, "no live source cluster: give " + names.eksCluster() + " or " + names.sourceKubeconfig()
                    + " (a dump cannot be backed up)", digest.digest());
        }
        Path out = request.folder(step);
        BackupOptions options = new BackupOptions(request.backupName(), request.namespaces(), List.of(), List.of(), null, null, null,
                null, null, request.veleroNamespace(), true, request.timeout(), false, out, false, request.pollInterval(), source());
        BackupOptions.Names optionNames = new BackupOptions.Names(names.backupName(), names.namespaces(), StepActions.FIXED,
                StepActions.FIXED, names.timeout(), names.output(), StepActions.clusterNames(names, true));
        return new PreparedStep(step, null, digest.digest(), () -> {
            BackupResult r = new VeleroBackup(steps.events(), steps.clock()).run(options.request(optionNames, steps.clock()), steps.connector());
            String line = "Backup " + r.name() + (r.created() ? " created" : " reused") + ": " + r.message();
            return r.outcome() == VeleroOutcome.SUCCEEDED ? StepResult.ok(line, Map.of(), out) : StepResult.failed(line, out);
        });
    }

    PreparedStep syncStorage() {
        MigrationStep step = MigrationStep.SYNC_STORAGE;
        InputDigest digest = storageDigest(step);
        if (request.storageSource() == null) {
            return PreparedStep.skipped(step, "no storage to copy: give " + names.storageSource() + " and " + names.storageDestination(),
                    digest.digest());
        }
        Path out = request.folder(step);
        StorageSyncOptions options = new StorageSyncOptions(request.storageSource(), request.storageDestination(), null, null, null,
                false, null, out, false);
        StorageSyncOptions.Names optionNames = new StorageSyncOptions.Names(names.storageSource(), names.storageDestination(),
                StepActions.FIXED, StepActions.FIXED, StepActions.FIXED, StepActions.FIXED, names.output());
        return new PreparedStep(step, null, digest.digest(), () -> {
            StorageSyncRequest sync = options.request(optionNames);
            StorageAccess access = StorageAccess.resolve(steps.clients().settings(), sync.destination(), sync.s3Source() != null,
                    request.region(), names.region(), false, steps.clients().aws(), sync.parallel());
            SyncSummary s = new StorageSync(steps.events()).run(sync, access, steps.clients().settings());
            if (s.emptySource()) {
                return StepResult.failed("the source " + sync.sourceDescription() + " is empty: nothing to restore from", out);
            }
            return s.failed().isEmpty() ? StepResult.ok(s.oneLine(), Map.of("objects", s.objects(), "bytes", s.bytes()), out)
                    : StepResult.failed(s.failed().size() + " objects not copied (see " + out + ")", out);
        });
    }

    PreparedStep verifyStorage() {
        MigrationStep step = MigrationStep.VERIFY_STORAGE;
        String backup = request.sourceLive() || request.backupNamed() ? request.backupName() : null;
        InputDigest digest = storageDigest(step).value("veleroBackup", backup);
        if (request.storageSource() == null) {
            return PreparedStep.skipped(step, "no storage to verify: give " + names.storageSource() + " and " + names.storageDestination(),
                    digest.digest());
        }
        Path out = request.folder(step);
        var options = new io.jenkins.plugins.eks2aks.storage.verify.VerifyOptions(request.storageSource(), request.storageDestination(),
                null, backup, null, out, false);
        var optionNames = new io.jenkins.plugins.eks2aks.storage.verify.VerifyOptions.Names(names.storageSource(),
                names.storageDestination(), StepActions.FIXED, names.backupName(), StepActions.FIXED);
        return new PreparedStep(step, null, digest.digest(), () -> {
            var verify = options.request(optionNames);
            StorageAccess access = StorageAccess.resolve(steps.clients().settings(), verify.destination(), verify.s3Source() != null,
                    request.region(), names.region(), false, steps.clients().aws(), verify.parallel());
            VerifySummary s = new StorageVerify(steps.events(), access.masking()).run(verify, access.source(verify.s3Source(), verify.folder()),
                    access.blobDestination());
            return s.passed() ? StepResult.ok(s.oneLine(), Map.of("objects", s.objects(), "bytes", s.bytes()), out)
                    : StepResult.failed(s.oneLine() + " (see " + out + ")", out);
        });
    }

    PreparedStep restore() {
        MigrationStep step = MigrationStep.RESTORE;
        Path configMaps = request.folder(MigrationStep.CONVERT).resolve("velero");
        boolean converted = Files.isDirectory(configMaps);
        InputDigest digest = steps.digest(step).value("backup", request.backupName()).value("namespaces", String.join(",", request.namespaces()))
                .value("storageAccount", request.storageAccount()).value("container", request.container())
                .value("storageResourceGroup", request.storageResourceGroup()).value("target", target().toString())
                .path("configMaps", converted ? configMaps : null).path("mapping", converted ? null : request.mappingFile());
        if (!request.targetLive()) {
            return PreparedStep.skipped(step, "no target cluster: give " + names.resourceGroup() + " and " + names.aksCluster()
                    + ", or " + names.targetKubeconfig(), digest.digest());
        }
        if (request.storageAccount() == null || request.container() == null || request.storageResourceGroup() == null) {
            return PreparedStep.skipped(step, "no backup storage on Azure: give " + names.storageAccount() + ", " + names.container()
                    + " and " + names.storageResourceGroup(), digest.digest());
        }
        Path out = request.folder(step);
        RestoreOptions options = new RestoreOptions(request.backupName(), request.storageAccount(), request.container(), null,
                request.storageResourceGroup(), request.subscription(), converted ? configMaps : null,
                converted ? null : request.mappingFile(), request.namespaces(), List.of(), null, request.veleroNamespace(), true,
                request.timeout(), false, false, out, false, request.pollInterval(), target());
        RestoreOptions.Names optionNames = new RestoreOptions.Names(names.backupName(), names.storageAccount(), names.container(),
                names.storageResourceGroup(), "the convert step's velero folder", names.mapping(), StepActions.FIXED,
                StepActions.FIXED, names.timeout(), names.output(), StepActions.clusterNames(names, false), "the convert step",
                "give " + names.namespaces());
        return new PreparedStep(step, null, digest.digest(), () -> {
            RestoreResult r = new VeleroRestore(steps.events(), steps.clock()).run(options.request(optionNames), steps.connector());
            String line = "Restore of " + r.backup() + (r.created() ? " created" : " reused") + ": " + r.message();
            return r.outcome() == VeleroOutcome.SUCCEEDED ? StepResult.ok(line, Map.of(), out) : StepResult.failed(line, out);
        });
    }

    PreparedStep verifyRestore() {
        MigrationStep step = MigrationStep.VERIFY_RESTORE;
        InputDigest digest = steps.digest(step).value("namespaces", String.join(",", request.namespaces()))
                .value("target", target().toString());
        if (!request.targetLive()) {
            return PreparedStep.skipped(step, "no target cluster: give " + names.resourceGroup() + " and " + names.aksCluster()
                    + ", or " + names.targetKubeconfig(), digest.digest());
        }
        Path out = request.folder(step);
        VerifyOptions options = new VerifyOptions(request.namespaces(), null, request.timeout(), out, false, request.pollInterval(), target());
        VerifyOptions.Names optionNames = new VerifyOptions.Names(names.namespaces(), StepActions.FIXED, names.timeout(), names.output(),
                StepActions.clusterNames(names, false));
        return new PreparedStep(step, null, digest.digest(), () -> {
            VerifyResult r = new VerifyRestore(steps.events(), steps.clock()).run(options.request(optionNames), steps.connector());
            long failed = r.checks().stream().filter(c -> c.status() == io.jenkins.plugins.eks2aks.velero.verify.VerifyCheck.Status.FAIL).count();
            return r.passed() ? StepResult.ok(r.checks().size() + " checks passed", Map.of(), out)
                    : StepResult.failed(failed + " of " + r.checks().size() + " checks failed (see " + r.report() + ")", out);
        });
    }

    /** The storage's source and destination, the destination without its query: a SAS token is a secret and rotates. */
    private InputDigest storageDigest(MigrationStep step) {
        String destination = request.storageDestination();
        int query = destination == null ? -1 : destination.indexOf('?');
        String source = request.storageSource();
        InputDigest digest = steps.digest(step).value("source", source)
                .value("destination", query < 0 ? destination : destination.substring(0, query));
        return source != null && !source.startsWith("s3://") ? digest.path("folder", Path.of(source)) : digest;
    }

    private ClusterAccessOptions source() {
        // The region also locates the bucket; for the cluster it only goes with the cluster's name.
        return new ClusterAccessOptions(request.sourceKubeconfig(), request.sourceContext(), request.eksCluster(),
                request.eksCluster() == null ? null : request.region(), null, null, null);
    }

    private ClusterAccessOptions target() {
        return new ClusterAccessOptions(request.targetKubeconfig(), request.targetContext(), null, null, request.resourceGroup(),
                request.aksCluster(), request.subscription());
    }
}
