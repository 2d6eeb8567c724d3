package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.images.copy.CopyStats;

/**
 * What moving one image cost: bytes, blobs, manifests and repeated requests. Made from the copy's counters, so no
 * call site lists the counts by position.
 *
 * @param bytes        bytes sent by the agent (copy); for a dry run, the bytes that would be sent
 * @param blobsCopied  blobs streamed
 * @param blobsSkipped blobs the target already had (HEAD)
 * @param blobsMounted blobs linked by cross-repository mount
 * @param manifests    manifests written
 * @param referrers    referrers copied
 * @param retries      requests repeated after transient failures
 */
public record ImageTransfer(long bytes, long blobsCopied, long blobsSkipped, long blobsMounted, long manifests,
                            long referrers, long retries) {

    /** Nothing sent, nothing repeated. */
    public static final ImageTransfer NONE = new ImageTransfer(0, 0, 0, 0, 0, 0, 0);

    /** A copy's counters, with {@code bytes} (sent, or to be sent by a dry run). */
    public static ImageTransfer of(CopyStats stats, long bytes) {
        return new ImageTransfer(bytes, stats.blobsCopied(), stats.blobsSkipped(), stats.blobsMounted(), stats.manifestsCopied(),
                stats.referrersCopied(), stats.retries());
    }

    /** Only requests repeated: an import (ACR moved the bytes), or a failure. */
    public static ImageTransfer retriesOnly(long retries) {
        return NONE.withRetries(retries);
    }

    public ImageTransfer withRetries(long count) {
        return new ImageTransfer(bytes, blobsCopied, blobsSkipped, blobsMounted, manifests, referrers, count);
    }
}
