package io.jenkins.plugins.eks2aks.images.copy;

import io.jenkins.plugins.eks2aks.images.registry.Descriptor;
import io.jenkins.plugins.eks2aks.images.registry.Registry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Which blobs this run has sent to which target registry, so images that share base layers send each layer once:
 * the first image to need a blob transfers it; every other repository that needs it waits for that transfer and
 * then mounts it from there. Waiting is chaining, never blocking a worker, so the bounded pool cannot deadlock.
 */
final class BlobLedger {

    private final ConcurrentMap<String, CompletableFuture<String>> transfers = new ConcurrentHashMap<>();
    private final BlobCopier copier;
    private final Executor workers;

    BlobLedger(BlobCopier copier, Executor workers) {
        this.copier = copier;
        this.workers = workers;
    }

    /** Completes when {@code blob} is in {@code targetRepository}. */
    CompletableFuture<?> copy(Registry source, String sourceRepository, Registry target, String targetRepository,
                              Descriptor blob, CopyStats stats) {
        String key = target.host() + " " + blob.digest();
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> first = transfers.putIfAbsent(key, mine);
        if (first == null) {
            workers.execute(() -> run(mine, () -> copier.copy(source, sourceRepository, target, targetRepository, blob, null, stats),
                    targetRepository));
            return mine;
        }
        CompletableFuture<String> next = new CompletableFuture<>();
        first.whenComplete((heldIn, failure) -> {
            if (failure == null && heldIn.equals(targetRepository)) {
                next.complete(targetRepository);
                return;
            }
            // Mount from where the first transfer put it; if that transfer failed, try a transfer of our own.
            String mountFrom = failure == null ? heldIn : null;
            workers.execute(() -> run(next,
                    () -> copier.copy(source, sourceRepository, target, targetRepository, blob, mountFrom, stats), targetRepository));
        });
        return next;
    }

    private interface Transfer {
        void run() throws InterruptedException;
    }

    private static void run(CompletableFuture<String> result, Transfer transfer, String repository) {
        try {
            transfer.run();
            result.complete(repository);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
        }
    }
}
