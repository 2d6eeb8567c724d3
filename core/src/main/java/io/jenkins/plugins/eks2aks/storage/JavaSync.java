package io.jenkins.plugins.eks2aks.storage;

import com.azure.storage.blob.models.BlobStorageException;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.storage.blob.BlobDestination;
import io.jenkins.plugins.eks2aks.storage.blob.BlobErrors;
import io.jenkins.plugins.eks2aks.storage.blob.ExistingBlob;
import io.jenkins.plugins.eks2aks.storage.blob.ObjectCopier;
import io.jenkins.plugins.eks2aks.storage.blob.SourceMetadata;
import io.jenkins.plugins.eks2aks.storage.source.SourceObject;
import io.jenkins.plugins.eks2aks.storage.source.StorageSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The java engine: lists the destination once (with metadata) and the source page by page, skips every object whose
 * blob already records the same version and size, and streams the rest with a bounded number of workers. An object
 * that fails is retried with backoff; one that still fails is named in the result while the others go on. An error
 * that no retry can fix (access denied, no container) stops the run.
 */
public final class JavaSync {

    static final int ATTEMPTS = 3;

    private final EventSink events;
    private final SecretMask masking;
    private final long backoffMillis;

    public JavaSync(EventSink events, SecretMask masking) {
        this(events, masking, 1000);
    }

    JavaSync(EventSink events, SecretMask masking, long backoffMillis) {
        this.events = events;
        this.masking = masking;
        this.backoffMillis = backoffMillis;
    }

    public SyncSummary run(StorageSyncRequest request, StorageSource source, BlobDestination destination) throws InterruptedException {
        long start = System.nanoTime();
        String topic = StorageSync.TOPIC;
        events.info(topic, "listing " + destination.location());
        Map<String, ExistingBlob> existing = destination.list();
        events.info(topic, "listing " + source.describe() + " (" + existing.size() + " blobs already in the destination)");
        List<SourceObject> toCopy = new ArrayList<>();
        long[] totals = new long[4]; // objects, bytes, skipped, skipped bytes
        source.list(object -> {
            totals[0]++;
            totals[1] += object.size();
            ExistingBlob blob = existing.get(object.name());
            if (blob != null && SourceMetadata.isCopyOf(blob, object)) {
                totals[2]++;
                totals[3] += object.size();
            } else {
                toCopy.add(object);
            }
        });
        long copyBytes = toCopy.stream().mapToLong(SourceObject::size).sum();
        events.info(topic, totals[0] + " objects (" + Bytes.human(totals[1]) + ") in the source: " + toCopy.size() + " to copy ("
                + Bytes.human(copyBytes) + "), " + totals[2] + " unchanged");
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        long sent = 0;
        if (request.dryRun()) {
            for (SourceObject o : toCopy) {
                events.info(topic, "would copy " + o.name() + " (" + Bytes.human(o.size()) + ")");
            }
        } else if (!toCopy.isEmpty()) {
            sent = copyAll(request, source, destination, toCopy, copyBytes, failed);
        }
        long copied = toCopy.size() - failed.size();
        long bytesCopied = copyBytes - toCopy.stream().filter(o -> failed.stream().anyMatch(f -> f.startsWith(o.name() + ": ")))
                .mapToLong(SourceObject::size).sum();
        return new SyncSummary(SyncEngine.JAVA.id(), source.describe(), destination.location().toString(), request.dryRun(),
                totals[0], totals[1], copied, bytesCopied, request.dryRun() ? 0 : sent, totals[2], totals[3],
                sorted(failed), (System.nanoTime() - start) / 1e9);
    }

    private long copyAll(StorageSyncRequest request, StorageSource source, BlobDestination destination, List<SourceObject> toCopy,
                         long copyBytes, List<String> failed) throws InterruptedException {
        ObjectCopier copier = new ObjectCopier(source, destination, request.blockSize());
        SyncProgress progress = new SyncProgress(events, StorageSync.TOPIC, toCopy.size(), copyBytes);
        AtomicReference<MigrationException> fatal = new AtomicReference<>();
        AtomicInteger resumedObjects = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.parallel(), toCopy.size()), r -> {
            Thread t = new Thread(r, "eks2aks-storage-copy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SourceObject object : toCopy) {
                futures.add(pool.submit(() -> {
                    if (fatal.get() != null) {
                        return null;
                    }
                    ObjectCopier.Copied copied = copyWithRetries(copier, destination, object, failed, fatal);
                    if (copied != null) {
                        if (copied.bytesResumed() > 0) {
                            resumedObjects.incrementAndGet();
                            events.info(StorageSync.TOPIC, "resumed " + object.name() + ": " + Bytes.human(copied.bytesResumed())
                                    + " were already staged by an earlier run");
                        }
                        if (events.wants(EventLevel.DEBUG)) {
                            events.debug(StorageSync.TOPIC, "copied " + object.name() + " (" + Bytes.human(object.size()) + ")");
                        }
                        progress.done(object.size(), copied.bytesSent());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a copy task failed outside its own error handling", e.getCause());
        } finally {
            pool.shutdownNow();
            // An interrupted run returns only once its workers stopped: nothing is written after it says it ended.
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        events.info(StorageSync.TOPIC, progress.line(System.nanoTime()));
        return progress.bytesSent();
    }

    private ObjectCopier.Copied copyWithRetries(ObjectCopier copier, BlobDestination destination, SourceObject object, List<String> failed,
                                                AtomicReference<MigrationException> fatal) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return copier.copy(object);
            } catch (BlobStorageException e) {
                if (BlobErrors.isFatal(e)) {
                    fatal.compareAndSet(null, new MigrationException(masking.mask(destination.failure("write", e)), e));
                    return null;
                }
                if (giveUp(object, attempt, "the Blob service answered " + e.getStatusCode() + " " + e.getErrorCode(), failed)) {
                    return null;
                }
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("copy of " + object.name() + " interrupted");
                }
                if (giveUp(object, attempt, BlobErrors.message(e), failed)) {
                    return null;
                }
            }
            Thread.sleep(backoffMillis << (attempt - 1));
        }
    }

    private boolean giveUp(SourceObject object, int attempt, String reason, List<String> failed) {
        String masked = masking.mask(reason);
        if (attempt >= ATTEMPTS) {
            failed.add(object.name() + ": " + masked);
            events.warn(StorageSync.TOPIC, "failed " + object.name() + " after " + attempt + " attempts: " + masked);
            return true;
        }
        events.info(StorageSync.TOPIC, "retrying " + object.name() + " (attempt " + attempt + " failed: " + masked + ")");
        return false;
    }

    private static List<String> sorted(List<String> list) {
        List<String> out = new ArrayList<>(list);
        Collections.sort(out);
        return out;
    }
}
