package io.jenkins.plugins.eks2aks.storage.azcopy;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSync;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.SyncEngine;
import io.jenkins.plugins.eks2aks.storage.SyncSummary;
import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.FolderSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The azcopy engine: {@code azcopy sync} for a folder, {@code azcopy copy --overwrite=ifSourceNewer} for S3 (AzCopy has
 * no S3 sync), JSON output read line by line, and a job that ended with failed transfers resumed with
 * {@code azcopy jobs resume} up to {@value #RESUMES} times. AWS keys go only into AzCopy's environment.
 */
public final class AzCopySync {

    static final int RESUMES = 2;

    private final EventSink events;
    private final SecretMask masking;

    public AzCopySync(EventSink events, SecretMask masking) {
        this.events = events;
        this.masking = masking;
    }

    public SyncSummary run(StorageSyncRequest request, StorageAccess access, Map<String, String> env) throws InterruptedException {
        long start = System.nanoTime();
        AzCopyBinary binary = AzCopyBinary.locate(request.azcopy(), request.azcopyName(), env);
        BlobLocation destination = access.destination();
        if (destination.sas() == null) {
            throw new MigrationException("The azcopy engine needs a SAS for " + destination + ": put it in the URL or in "
                    + "AZURE_STORAGE_SAS_TOKEN (or use the java engine, which also takes a connection string or Entra ID)");
        }
        AzCopyInvocation invocation = AzCopyInvocation.of(binary, request, access, env);
        events.info(StorageSync.TOPIC, "running " + masking.mask(String.join(" ", invocation.command())) + " (AzCopy " + binary.version() + ")");
        String prefixUrl = destination.containerUrl() + "/" + destination.prefix();
        AzCopyJobResult result = invocation.run(new AzCopyOutput(events, StorageSync.TOPIC, masking, prefixUrl));
        for (int resume = 1; !result.completed() && result.fatal() == null && result.jobId() != null && resume <= RESUMES; resume++) {
            events.info(StorageSync.TOPIC, "azcopy job " + result.jobId() + " ended " + result.status() + " with "
                    + result.failed().size() + " failed transfers: resuming (" + resume + " of " + RESUMES + ")");
            result = invocation.resume(result.jobId(), new AzCopyOutput(events, StorageSync.TOPIC, masking, prefixUrl));
        }
        if (result.fatal() != null) {
            throw new MigrationException("AzCopy was refused by " + destination + ": " + result.fatal().lines().findFirst().orElse("")
                    + " (check that the SAS is valid, not expired, and allows read, write and list)");
        }
        if (result.exitCode() != 0 && result.end() == null) {
            throw new MigrationException("AzCopy failed (exit " + result.exitCode() + ")" + (result.lastError() == null ? ""
                    : ": " + result.lastError()));
        }
        return summary(request, access, result, (System.nanoTime() - start) / 1e9);
    }

    private SyncSummary summary(StorageSyncRequest request, StorageAccess access, AzCopyJobResult result, double seconds) {
        long[] listed = {0, 0};
        if (request.folder() != null) {
            new FolderSource(request.folder()).list(o -> {
                listed[0]++;
                listed[1] += o.size();
            });
        }
        List<String> failed = new ArrayList<>(result.failed());
        if (!result.completed() && failed.isEmpty()) {
            failed.add("(azcopy job " + result.jobId() + "): ended " + result.status() + "; see its log");
        }
        AzCopyMessage end = result.end();
        long copied = request.dryRun() ? result.dryRun().size() : end == null ? 0 : end.number("TransfersCompleted");
        long bytesCopied = request.dryRun() ? result.dryRunBytes() : end == null ? 0 : end.number("TotalBytesTransferred");
        long sent = request.dryRun() || end == null ? 0 : end.number("BytesOverWire");
        long objects;
        long bytes;
        long skipped;
        long bytesSkipped;
        if (request.folder() != null) {
            objects = listed[0];
            bytes = listed[1];
            skipped = Math.max(0, objects - copied - failed.size());
            bytesSkipped = Math.max(0, bytes - bytesCopied);
        } else {
            skipped = end == null ? 0 : end.number("TransfersSkipped");
            objects = end == null ? copied : end.number("TotalTransfers");
            bytes = end == null ? bytesCopied : end.number("TotalBytesEnumerated");
            bytesSkipped = Math.max(0, bytes - bytesCopied);
        }
        return new SyncSummary(SyncEngine.AZCOPY.id(), request.sourceDescription(), access.destination().toString(), request.dryRun(),
                objects, bytes, copied, bytesCopied, sent, skipped, bytesSkipped, failed, seconds);
    }
}
