package io.jenkins.plugins.eks2aks.storage;

import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.storage.azcopy.AzCopySync;
import io.jenkins.plugins.eks2aks.storage.source.StorageSource;

import java.util.Map;

/**
 * The sync use case shared by {@code eks2aks sync-storage} and the {@code azcopySync} step: run the chosen engine,
 * log the outcome, write {@code sync-result.json} and {@code sync-result.md}.
 */
public final class StorageSync {

    public static final String TOPIC = "sync-storage";

    private final EventSink events;

    public StorageSync(EventSink events) {
        this.events = events;
    }

    /**
     * @param access the clients and credentials, resolved at the edge
     * @param env    the environment AzCopy runs with (its PATH, proxy settings); keys are added from {@code access}
     */
    public SyncSummary run(StorageSyncRequest request, StorageAccess access, Map<String, String> env) throws InterruptedException {
        if (request.output() != null) {
            OutputFolder.checkReplaceable(request.output(), request.force());
        }
        events.info(TOPIC, (request.dryRun() ? "dry run: " : "") + request.sourceDescription() + " -> " + access.destination()
                + " (engine " + request.engine().id() + ", " + request.parallel() + " in parallel, blob credentials: "
                + access.blobCredentials() + ")");
        SyncSummary summary;
        if (request.engine() == SyncEngine.AZCOPY) {
            summary = new AzCopySync(events, access.masking()).run(request, access, env);
        } else {
            StorageSource source = access.source(request.s3Source(), request.folder());
            summary = new JavaSync(events, access.masking()).run(request, source, access.blobDestination());
        }
        if (summary.emptySource()) {
            events.warn(TOPIC, "the source " + request.sourceDescription() + " holds no objects: check the bucket, the prefix "
                    + "and the region (nothing was copied)");
        }
        for (String f : summary.failed()) {
            events.warn(TOPIC, "not copied: " + f);
        }
        events.info(TOPIC, summary.oneLine());
        if (request.output() != null) {
            new SyncReports().write(summary, request.output(), request.force());
            events.info(TOPIC, "reports in " + request.output().toAbsolutePath().normalize());
        }
        return summary;
    }
}
