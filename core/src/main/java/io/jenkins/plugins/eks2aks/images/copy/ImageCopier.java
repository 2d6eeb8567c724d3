package io.jenkins.plugins.eks2aks.images.copy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.ImageReference;
import io.jenkins.plugins.eks2aks.images.registry.Descriptor;
import io.jenkins.plugins.eks2aks.images.registry.Digests;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
import io.jenkins.plugins.eks2aks.images.registry.ManifestContent;
import io.jenkins.plugins.eks2aks.images.registry.MediaTypes;
import io.jenkins.plugins.eks2aks.images.registry.Referrers;
import io.jenkins.plugins.eks2aks.images.registry.Registry;
import io.jenkins.plugins.eks2aks.images.registry.RegistryClients;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Copies one image, manifest bytes unchanged so every digest stays the same: an index (Docker manifest list or OCI
 * index) with all its platforms, each manifest's config and layers, then the manifests bottom-up, the tag last.
 * When the target tag already resolves to the source digest nothing is sent at all. Blobs go through the shared
 * {@link BlobLedger}, so their transfers run on the run's one bounded pool.
 */
public final class ImageCopier {

    private final RegistryClients clients;
    private final BlobLedger ledger;

    public ImageCopier(RegistryClients clients, Executor transfers) {
        this.clients = clients;
        this.ledger = new BlobLedger(new BlobCopier(clients.access().retry(), clients.access().chunkSize()), transfers);
    }

    /**
     * What copying found: the manifest digest, whether the target already had it, the platforms of an index, and the
     * total size of the blobs the image points at.
     */
    public record Outcome(String digest, boolean unchanged, List<String> platforms, long totalBytes) {
    }

    /** Copies {@code source} to {@code target}, or with {@code dryRun} only looks at what would be copied. */
    public Outcome copy(ImageReference source, ImageReference target, boolean referrers, boolean dryRun, CopyStats stats)
            throws InterruptedException {
        Registry src = clients.source(source.registry());
        Registry dst = clients.target(target.registry());
        ManifestContent root = src.manifests().get(source.repository(), source.reference(), stats::retried)
                .orElseThrow(() -> new MigrationException((source.digest() != null ? "manifest " + source.digest() : "tag '" + source.tag() + "'")
                        + " not found in " + source.name()));
        String targetReference = target.tag() != null ? target.tag() : root.digest();
        boolean present = root.digest().equals(dst.manifests().digest(target.repository(), targetReference, !dryRun, stats::retried).orElse(null));
        if (present && !dryRun) {
            // The warm path: one GET and one HEAD per image.
            if (referrers) {
                copyReferrers(src, source.repository(), dst, target.repository(), root.digest(), stats);
            }
            return new Outcome(root.digest(), true, List.of(), -1);
        }
        Plan plan = new Plan();
        collect(src, source.repository(), dst, target.repository(), root, plan, stats);
        if (dryRun) {
            for (Descriptor blob : plan.blobs.values()) {
                if (!present && dst.blobs().size(target.repository(), blob.digest(), false, stats::retried).isEmpty()) {
                    stats.wouldCopy(blob.size());
                }
            }
            return new Outcome(root.digest(), present, plan.platforms, plan.totalBytes());
        }
        transfer(src, source.repository(), dst, target.repository(), plan, stats);
        for (ManifestContent m : plan.manifests) {
            String reference = m == root ? targetReference : m.digest();
            dst.manifests().put(target.repository(), reference, m, stats::retried);
            stats.manifestCopied();
        }
        if (referrers) {
            copyReferrers(src, source.repository(), dst, target.repository(), root.digest(), stats);
        }
        return new Outcome(root.digest(), present, plan.platforms, plan.totalBytes());
    }

    /** The manifests to push (children before parents) and the blobs they need. */
    private static final class Plan {
        final List<ManifestContent> manifests = new ArrayList<>();
        final Map<String, Descriptor> blobs = new LinkedHashMap<>();
        final List<String> platforms = new ArrayList<>();
        final Set<String> seen = new java.util.HashSet<>();

        long totalBytes() {
            return blobs.values().stream().mapToLong(d -> Math.max(d.size(), 0)).sum();
        }
    }

    private void collect(Registry src, String sourceRepository, Registry dst, String targetRepository, ManifestContent manifest,
                         Plan plan, CopyStats stats) throws InterruptedException {
        if (manifest.isIndex()) {
            for (Descriptor child : manifest.children()) {
                if (child.platform() != null) {
                    plan.platforms.add(child.platform());
                }
                if (!plan.seen.add(child.digest())
                        || dst.manifests().digest(targetRepository, child.digest(), false, stats::retried).isPresent()) {
                    continue; // listed twice, or a platform an interrupted run finished (its blobs are there too)
                }
                ManifestContent childManifest = src.manifests().get(sourceRepository, child.digest(), stats::retried)
                        .orElseThrow(() -> new MigrationException("manifest " + child.digest() + " listed by " + manifest.digest()
                                + " is missing from " + src.host() + "/" + sourceRepository));
                collect(src, sourceRepository, dst, targetRepository, childManifest, plan, stats);
            }
        } else {
            for (Descriptor blob : manifest.children()) {
                if (!blob.foreign()) {
                    plan.blobs.putIfAbsent(blob.digest(), blob);
                }
            }
        }
        if (!plan.manifests.contains(manifest)) {
            plan.manifests.add(manifest);
        }
    }

    private void transfer(Registry src, String sourceRepository, Registry dst, String targetRepository, Plan plan,
                          CopyStats stats) throws InterruptedException {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (Descriptor blob : plan.blobs.values()) {
            pending.add(ledger.copy(src, sourceRepository, dst, targetRepository, blob, stats));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                throw (InterruptedException) cause;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new MigrationException(String.valueOf(cause), cause);
        }
    }

    /**
     * Copies what refers to {@code subject} (signatures, SBOMs, attestations). A target with the referrers API indexes
     * them itself: it says so by answering the referrer's PUT with {@code OCI-Subject}, and then no tag-schema index is
     * written. A target without it gets the source's tag-schema index as it is, or, when the source listed them through
     * its API, the API's entries (with their {@code artifactType} and annotations, which tag-schema clients such as
     * notation filter on) merged into the target's index. Writes nothing when the target already has it all.
     */
    private void copyReferrers(Registry src, String sourceRepository, Registry dst, String targetRepository, String subject,
                               CopyStats stats) throws InterruptedException {
        Referrers.Listing listing = src.referrers().list(sourceRepository, subject, stats::retried).orElse(null);
        if (listing == null) {
            return;
        }
        boolean pushed = false;
        boolean targetIndexes = false;
        for (Descriptor referrer : listing.index().children()) {
            if (dst.manifests().digest(targetRepository, referrer.digest(), true, stats::retried).isPresent()) {
                continue;
            }
            ManifestContent manifest = src.manifests().get(sourceRepository, referrer.digest(), stats::retried)
                    .orElseThrow(() -> new MigrationException("referrer " + referrer.digest() + " of " + subject + " is missing from "
                            + src.host() + "/" + sourceRepository));
            Plan plan = new Plan();
            collect(src, sourceRepository, dst, targetRepository, manifest, plan, stats);
            transfer(src, sourceRepository, dst, targetRepository, plan, stats);
            boolean indexed = false;
            for (ManifestContent m : plan.manifests) {
                // The referrer itself goes last (children first); only its PUT carries the subject.
                indexed = dst.manifests().put(targetRepository, m.digest(), m, stats::retried);
            }
            stats.referrerCopied();
            pushed = true;
            targetIndexes |= indexed;
        }
        String tag = Digests.referrersTag(subject);
        ManifestContent existing;
        if (pushed) {
            if (targetIndexes) {
                return;
            }
            existing = dst.manifests().get(targetRepository, tag, stats::retried).orElse(null);
        } else {
            // Every referrer was there already (a re-run, or an interrupted one): ask the target how it lists them.
            Referrers.Listing onTarget = dst.referrers().list(targetRepository, subject, stats::retried).orElse(null);
            if (onTarget != null && onTarget.fromApi()) {
                return;
            }
            existing = onTarget == null ? null : onTarget.index();
        }
        ManifestContent wanted = listing.fromApi() ? mergedIndex(existing, listing.index()) : listing.index();
        if (existing == null || !existing.digest().equals(wanted.digest())) {
            dst.manifests().put(targetRepository, tag, wanted, stats::retried);
        }
    }

    /** {@code existing} (or an empty index) plus the entries of {@code listed} it lacks, each entry as listed. */
    private static ManifestContent mergedIndex(ManifestContent existing, ManifestContent listed) {
        try {
            Map<String, Object> index = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(JsonValues.object(existing.bytes()));
            index.put("schemaVersion", 2);
            index.put("mediaType", MediaTypes.OCI_INDEX);
            List<Object> manifests = new ArrayList<>(index.get("manifests") instanceof List<?> l ? l : List.of());
            Set<String> known = new LinkedHashSet<>();
            JsonValues.objects(index, "manifests").forEach(m -> known.add(JsonValues.text(m, "digest", "")));
            boolean changed = existing == null;
            for (Map<String, Object> entry : JsonValues.objects(JsonValues.object(listed.bytes()), "manifests")) {
                if (known.add(JsonValues.text(entry, "digest", ""))) {
                    manifests.add(entry);
                    changed = true;
                }
            }
            if (!changed) {
                return existing;
            }
            index.put("manifests", manifests);
            byte[] bytes = JSON.std.asBytes(index);
            return new ManifestContent(MediaTypes.OCI_INDEX, Digests.sha256(bytes), bytes);
        } catch (IOException | ClassCastException e) {
            throw new MigrationException("cannot build the referrers index: " + e.getMessage(), e);
        }
    }
}
