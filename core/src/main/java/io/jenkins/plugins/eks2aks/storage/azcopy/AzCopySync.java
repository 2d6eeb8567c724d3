package io.jenkins.plugins.eks2aks.storage.azcopy;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.SecretMasking;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.SyncSummary;

import java.util.Map;

/** The azcopy engine. */
public final class AzCopySync {

    private final EventSink events;
    private final SecretMasking masking;

    public AzCopySync(EventSink events, SecretMasking masking) {
        this.events = events;
        this.masking = masking;
    }

    public SyncSummary run(StorageSyncRequest request, StorageAccess access, Map<String, String> env) throws InterruptedException {
        throw new MigrationException("The azcopy engine is not available yet: use the java engine");
    }
}
