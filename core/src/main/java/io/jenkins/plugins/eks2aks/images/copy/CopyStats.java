package io.jenkins.plugins.eks2aks.images.copy;

import java.util.concurrent.atomic.AtomicLong;

/** What copying one image did, counted from worker threads. */
public final class CopyStats {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong blobsCopied = new AtomicLong();
    private final AtomicLong blobsSkipped = new AtomicLong();
    private final AtomicLong blobsMounted = new AtomicLong();
    private final AtomicLong manifestsCopied = new AtomicLong();
    private final AtomicLong referrersCopied = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong bytesToCopy = new AtomicLong();

    void copied(long byteCount) {
        blobsCopied.incrementAndGet();
        bytes.addAndGet(byteCount);
    }

    void skipped() {
        blobsSkipped.incrementAndGet();
    }

    void mounted() {
        blobsMounted.incrementAndGet();
    }

    void manifestCopied() {
        manifestsCopied.incrementAndGet();
    }

    void referrerCopied() {
        referrersCopied.incrementAndGet();
    }

    /** For {@link io.jenkins.plugins.eks2aks.images.registry.RegistryCall#onRetry()}. */
    public void retried() {
        retries.incrementAndGet();
    }

    void wouldCopy(long size) {
        if (size > 0) {
            bytesToCopy.addAndGet(size);
        }
    }

    public long bytes() {
        return bytes.get();
    }

    public long blobsCopied() {
        return blobsCopied.get();
    }

    public long blobsSkipped() {
        return blobsSkipped.get();
    }

    public long blobsMounted() {
        return blobsMounted.get();
    }

    public long manifestsCopied() {
        return manifestsCopied.get();
    }

    public long referrersCopied() {
        return referrersCopied.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Dry run: bytes of the blobs the target lacks. */
    public long bytesToCopy() {
        return bytesToCopy.get();
    }
}
