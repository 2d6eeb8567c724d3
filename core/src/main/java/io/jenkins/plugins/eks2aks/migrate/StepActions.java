package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.CopyImagesOptions;
import io.jenkins.plugins.eks2aks.images.CopyImagesRunner;
import io.jenkins.plugins.eks2aks.images.ImageMigrationSummary;
import io.jenkins.plugins.eks2aks.inventory.InventoryOptions;
import io.jenkins.plugins.eks2aks.inventory.InventoryRunner;
import io.jenkins.plugins.eks2aks.inventory.InventorySummary;
import io.jenkins.plugins.eks2aks.ledger.InputDigest;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.manifests.FailOn;
import io.jenkins.plugins.eks2aks.plan.MigrationStep;
import io.jenkins.plugins.eks2aks.preflight.PreflightOptions;
import io.jenkins.plugins.eks2aks.preflight.PreflightRunner;
import io.jenkins.plugins.eks2aks.preflight.PreflightSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Each step of the migration as a call of its own engine runner, with the options the migration derives for it: one
 * mapping file, one subfolder of the output per step, earlier steps' outputs as later steps' inputs. The Velero and
 * storage steps are in {@link DataSteps}.
 */
final class StepActions {

    static final String INVENTORY_JSON = "inventory.json";
    static final String IMAGE_LIST = "ecr-images.txt";
    /**
     * The name given to a sub-step's option that migrate has no option for: it sets the value itself, always valid, so
     * no message names it; should one ever do, it must not name an option migrate does not have.
     */
    static final String FIXED = "(fixed by migrate)";

    private final MigrateRequest request;
    private final MigrateOptions.Names names;
    private final MigrationClients clients;
    private final EventSink events;
    private final Clock clock;
    private final DataSteps data;

    StepActions(MigrateRequest request, MigrateOptions.Names names, MigrationClients clients, EventSink events, Clock clock) {
        this.request = request;
        this.names = names;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
        this.data = new DataSteps(this);
    }

    /** The step with its inputs' digest as they are now (earlier steps of this run have finished). */
    PreparedStep prepare(MigrationStep step) {
        return switch (step) {
            case INVENTORY -> inventory();
            case PREFLIGHT -> preflight();
            case IMAGES -> images();
            case CONVERT -> convert();
            case BACKUP -> data.backup();
            case SYNC_STORAGE -> data.syncStorage();
            case VERIFY_STORAGE -> data.verifyStorage();
            case RESTORE -> data.restore();
            case VERIFY_RESTORE -> data.verifyRestore();
        };
    }

    MigrateRequest request() {
        return request;
    }

    MigrateOptions.Names names() {
        return names;
    }

    EventSink events() {
        return events;
    }

    Clock clock() {
        return clock;
    }

    MigrationClients clients() {
        return clients;
    }

    ClusterConnector connector() {
        return new ClusterConnector(clients.settings(), clients.aws(), clients.azure(), clients.azureHttp(), Duration.ofSeconds(30), clock, events);
    }

    /** A digest of the run-wide values and {@code step}'s own. */
    InputDigest digest(MigrationStep step) {
        return new InputDigest().value("step", step.key());
    }

    private PreparedStep inventory() {
        MigrationStep step = MigrationStep.INVENTORY;
        InputDigest digest = digest(step).value("eksCluster", request.eksCluster()).value("region", request.region())
                .value("kubeconfig", text(request.sourceKubeconfig())).value("context", request.sourceContext())
                .path("dump", request.dump());
        if (request.dump() == null && !request.sourceLive()) {
            return PreparedStep.skipped(step, "no source cluster: give " + names.eksCluster() + ", " + names.sourceKubeconfig()
                    + " or " + names.dump(), digest.digest());
        }
        Path out = request.folder(step);
        // One source: a dump is read offline even when the cluster is also given (for the backup).
        InventoryOptions options = new InventoryOptions(request.dump() == null ? request.eksCluster() : null, request.region(), null,
                text(request.dump()), request.dump() == null && request.eksCluster() == null ? text(request.sourceKubeconfig()) : null,
                request.sourceContext(), out.toString(), false, null, null, 0);
        InventoryOptions.Names optionNames = new InventoryOptions.Names(names.eksCluster(), names.region(), names.dump(),
                names.sourceKubeconfig(), names.output(), names.timeout(), names.frontEnd());
        return new PreparedStep(step, null, digest.digest(), () -> {
            InventorySummary s = new InventoryRunner(events, clock).run(options.request(optionNames, PathScope.currentFolder()),
                    clients.settings(), clients.aws());
            return StepResult.ok(s.objects() + " objects, " + s.images() + " images (" + s.ecrImages() + " on ECR), "
                    + s.persistentVolumeClaims() + " volume claims", Map.of("objects", (long) s.objects()), out);
        });
    }

    private PreparedStep preflight() {
        MigrationStep step = MigrationStep.PREFLIGHT;
        Path inventory = existingFile(request.folder(MigrationStep.INVENTORY).resolve(INVENTORY_JSON));
        InputDigest digest = digest(step).value("resourceGroup", request.resourceGroup()).value("aksCluster", request.aksCluster())
                .value("subscription", request.subscription()).value("kubeconfig", text(request.targetKubeconfig()))
                .value("context", request.targetContext()).value("acr", request.acr()).value("velero", request.veleroNamespace())
                .path("inventory", inventory);
        if (!request.targetLive()) {
            return PreparedStep.skipped(step, "no target cluster: give " + names.resourceGroup() + " and " + names.aksCluster()
                    + ", or " + names.targetKubeconfig(), digest.digest());
        }
        Path out = request.folder(step);
        PreflightOptions options = new PreflightOptions(request.resourceGroup(), request.aksCluster(), request.subscription(),
                text(request.targetKubeconfig()), request.targetContext(), text(inventory), null, null, request.acr(),
                request.veleroNamespace(), out.toString(), false, 0);
        PreflightOptions.Names optionNames = new PreflightOptions.Names(names.resourceGroup(), names.aksCluster(), names.subscription(),
                names.targetKubeconfig(), "the inventory step's " + INVENTORY_JSON, FIXED, names.output(), names.timeout());
        return new PreparedStep(step, null, digest.digest(), () -> {
            PreflightSummary s = new PreflightRunner(events, clock).run(options.request(optionNames, PathScope.currentFolder()),
                    clients.settings(), clients.azure(), clients.azureHttp());
            String counts = s.passed() + " checks passed, " + s.failed() + " failed, " + s.notChecked() + " not checked";
            return s.ready() ? StepResult.ok(counts, Map.of(), out)
                    : StepResult.failed(counts + ": " + String.join(", ", s.failedChecks()) + " (fixes in " + s.markdown() + ")", out);
        });
    }

    private PreparedStep images() {
        MigrationStep step = MigrationStep.IMAGES;
        Path list = request.imagesFile() != null ? request.imagesFile()
                : existingFile(request.folder(MigrationStep.INVENTORY).resolve(IMAGE_LIST));
        InputDigest digest = digest(step).value("acr", request.acr()).value("mode", request.imageMode())
                .value("plainHttp", String.join(",", request.plainHttp())).path("images", list);
        if (request.acr() == null) {
            return PreparedStep.skipped(step, "no target registry: give " + names.acr(), digest.digest());
        }
        if (list == null) {
            return PreparedStep.skipped(step, "no image list: give " + names.imagesFile() + ", or let the inventory write "
                    + IMAGE_LIST, digest.digest());
        }
        if (imageLines(list) == 0) {
            return PreparedStep.skipped(step, "no images to copy in " + list, digest.digest());
        }
        Path out = request.folder(step);
        CopyImagesOptions options = new CopyImagesOptions(List.of(), list.toString(), null, request.acr(), request.imageMode(),
                CopyImagesOptions.DEFAULT_PARALLEL, false, false, true, request.resourceGroup(), request.subscription(),
                request.plainHttp(), out.toString());
        CopyImagesOptions.Names optionNames = names.copyImages();
        return new PreparedStep(step, null, digest.digest(), () -> {
            ImageMigrationSummary s = new CopyImagesRunner(events).run(options.request(optionNames, PathScope.currentFolder()),
                    clients.settings(), clients.aws(), clients.azure(), clients.logins());
            String line = s.results().size() + " images, " + s.bytes() + " bytes moved";
            return s.failures() == 0 ? StepResult.ok(line, Map.of("images", (long) s.results().size(), "bytes", s.bytes()), out)
                    : StepResult.failed(s.failures() + " of " + s.results().size() + " images failed (see " + s.reportMarkdown() + ")", out);
        });
    }

    private PreparedStep convert() {
        MigrationStep step = MigrationStep.CONVERT;
        InputDigest digest = digest(step).path("manifests", request.manifests()).path("mapping", request.mappingFile())
                .value("acr", request.acr());
        Path out = request.folder(step);
        ConvertOptions options = new ConvertOptions(request.manifests().toString(), out.toString(), text(request.mappingFile()),
                request.acr(), List.of(), null, null, "files", true, "decisions", false, false, List.of());
        ConvertOptions.Names optionNames = new ConvertOptions.Names(names.manifests(), names.output(), names.mapping(), FIXED, FIXED,
                FIXED, names.frontEnd().withAcrOptions(names.acr(), null)); // migrate has no registry map option
        return new PreparedStep(step, null, digest.digest(), () -> {
            FailOn policy = options.check(optionNames);
            ConversionSummary s = new ManifestConversion(events).run(options.request(optionNames, PathScope.currentFolder()));
            return switch (policy.verdict(s)) {
                case PASSED, DECISIONS_TOLERATED -> StepResult.ok(s.oneLine(), Map.of("objects", (long) s.objects()), out);
                case DECISIONS_PENDING -> StepResult.failed(s.pendingDecisions() + " decisions pending: settle them in the mapping file ("
                        + s.reportMarkdown() + " lists each with its key)", out);
                case CONFLICTS -> StepResult.failed(s.conflicts() + " rules conflict (see " + s.reportMarkdown() + ")", out);
            };
        });
    }

    /** The file, or null when an earlier step did not write it. */
    static Path existingFile(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }

    static String text(Path path) {
        return path == null ? null : path.toString();
    }

    private static long imageLines(Path list) {
        try {
            return Files.readAllLines(list).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        } catch (IOException e) {
            throw new io.jenkins.plugins.eks2aks.MigrationException("Cannot read the image list '" + list + "': " + e.getMessage(), e);
        }
    }

    static ClusterAccessOptions.Names clusterNames(MigrateOptions.Names names, boolean source) {
        return new ClusterAccessOptions.Names(source ? names.sourceKubeconfig() : names.targetKubeconfig(),
                source ? names.sourceContext() : names.targetContext(), names.eksCluster(), names.region(), names.resourceGroup(),
                names.aksCluster(), names.subscription());
    }
}
