package io.jenkins.plugins.eks2aks.images.copy;

import io.jenkins.plugins.eks2aks.images.registry.Descriptor;
import io.jenkins.plugins.eks2aks.images.registry.Registry;
import io.jenkins.plugins.eks2aks.images.registry.RegistryException;
import io.jenkins.plugins.eks2aks.images.registry.RetryPolicy;
import io.jenkins.plugins.eks2aks.images.registry.VerifyingInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Copies one blob into one target repository, cheapest way first: a cross-repository mount when the target registry
 * already holds it in another repository (or is the source registry), one request that also succeeds when the
 * repository has it; else nothing when a HEAD finds it there; else a stream from source to target, hashed on the way. A failed transfer is repeated from the start
 * with backoff; what was committed before an interruption is found by the HEAD and never sent again.
 */
final class BlobCopier {

    private final RetryPolicy retry;
    private final int chunkSize;

    BlobCopier(RetryPolicy retry, int chunkSize) {
        this.retry = retry;
        this.chunkSize = chunkSize;
    }

    /**
     * @param mountFrom a repository of the target registry known to hold the blob, or null
     */
    void copy(Registry source, String sourceRepository, Registry target, String targetRepository, Descriptor blob,
              String mountFrom, CopyStats stats) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                transfer(source, sourceRepository, target, targetRepository, blob, mountFrom, stats);
                return;
            } catch (RegistryException e) {
                if (!e.transientFailure() || attempt >= retry.maxAttempts()) {
                    throw e;
                }
            } catch (IOException e) {
                if (e instanceof VerifyingInputStream.BlobVerificationException || attempt >= retry.maxAttempts()) {
                    throw new RegistryException(e.getMessage(), 0, e);
                }
            }
            stats.retried();
            Thread.sleep(retry.backoff(attempt).toMillis());
        }
    }

    private void transfer(Registry source, String sourceRepository, Registry target, String targetRepository,
                          Descriptor blob, String mountFrom, CopyStats stats) throws InterruptedException, IOException {
        String digest = blob.digest();
        String mountRepository = source.host().equals(target.host()) ? sourceRepository : mountFrom;
        boolean mountable = mountRepository != null && !mountRepository.equals(targetRepository);
        // A mount of a blob the repository already holds succeeds as well, so only a transfer needs the HEAD first.
        if (!mountable && target.blobs().size(targetRepository, digest, true, stats::retried).isPresent()) {
            stats.skipped();
            return;
        }
        String location = null;
        if (mountable) {
            Optional<String> session = target.uploads().mount(targetRepository, digest, mountRepository, stats::retried);
            if (session.isEmpty()) {
                stats.mounted();
                return;
            }
            location = session.get(); // the registry could not mount and opened an upload instead
        }
        if (location == null) {
            location = target.uploads().start(targetRepository, stats::retried);
        }
        try (InputStream raw = source.blobs().open(sourceRepository, digest, stats::retried);
             VerifyingInputStream in = new VerifyingInputStream(raw, digest, blob.size(), n -> { })) {
            try {
                if (blob.size() >= 0 && blob.size() <= chunkSize) {
                    target.uploads().putMonolithic(targetRepository, location, digest, blob.size(), in, stats::retried);
                } else {
                    target.uploads().putChunked(targetRepository, location, digest, in, chunkSize, stats::retried);
                }
            } catch (RegistryException e) {
                // The HTTP client wraps a failure of the body stream; a digest mismatch must not look transient.
                VerifyingInputStream.BlobVerificationException mismatch = verificationCause(e);
                if (mismatch != null) {
                    throw mismatch;
                }
                throw e;
            }
            stats.copied(in.count());
        }
    }

    private static VerifyingInputStream.BlobVerificationException verificationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VerifyingInputStream.BlobVerificationException v) {
                return v;
            }
        }
        return null;
    }
}
