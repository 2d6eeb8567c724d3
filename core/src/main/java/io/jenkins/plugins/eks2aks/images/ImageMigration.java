package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.images.acr.AcrImportLimits;
import io.jenkins.plugins.eks2aks.images.acr.AcrImporter;
import io.jenkins.plugins.eks2aks.images.copy.CopyStats;
import io.jenkins.plugins.eks2aks.images.copy.ImageCopier;
import io.jenkins.plugins.eks2aks.images.registry.ManifestContent;
import io.jenkins.plugins.eks2aks.images.registry.Registry;
import io.jenkins.plugins.eks2aks.images.registry.RegistryClients;
import io.jenkins.plugins.eks2aks.images.report.ImageMappingFile;
import io.jenkins.plugins.eks2aks.images.report.ImageReportJson;
import io.jenkins.plugins.eks2aks.images.report.ImageReportMarkdown;
import io.jenkins.plugins.eks2aks.images.select.ImageSelector;
import io.jenkins.plugins.eks2aks.images.select.SelectionResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The image migration ({@code ecrToAcr}, {@code eks2aks copy-images}): every image to the target registry, by ACR
 * import or by copy, each verified by digest. One image failing does not stop the others; the summary lists it.
 *
 * <p>Interrupting the calling thread (a Jenkins abort, Ctrl-C) stops the workers and throws; what was committed stays,
 * and a re-run sends only what is missing.
 *
 * <p>Long because: the worker pool, its interruption and the per-image resume logic must be read together to see
 * that an abort leaves only committed images behind.
 */
public final class ImageMigration {

    private static final String TOPIC = "images";

    private final EventSink events;
    private final Clock clock;

    public ImageMigration(EventSink events) {
        this(events, Clock.systemUTC());
    }

    public ImageMigration(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** One input line: the reference as given, parsed when it could be. */
    private record Item(String given, ImageReference source, ImageReference target, String error) {
    }

    public ImageMigrationSummary run(ImageMigrationRequest request) {
        long started = System.nanoTime();
        ImageTarget target = ImageTarget.parse(request.target());
        List<Item> items = parse(request.images(), target);
        items.addAll(expand(request, target, items));
        RegistryClients clients = new RegistryClients(request.access(), clock, request.parallel());
        ExecutorService transfers = pool(request.parallel(), "eks2aks-blob");
        ExecutorService images = pool(request.parallel(), "eks2aks-image");
        ImageCopier copier = new ImageCopier(clients, transfers);
        AcrImporter importer = request.mode() == MigrationMode.IMPORT && request.acrImport() != null
                ? new AcrImporter(request.acrImport(), request.access().source(), request.access().retry()) : null;
        events.info(TOPIC, (request.dryRun() ? "Dry run: " : "") + items.size() + " images to " + target + " by "
                + request.mode().label() + ", " + request.parallel() + " in parallel");
        List<Future<ImageResult>> futures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<CloudAuthenticationException> refused = new AtomicReference<>();
        try {
            for (Item item : items) {
                futures.add(images.submit(() -> {
                    ImageResult r = migrateUnlessRefused(item, request, clients, copier, importer, refused);
                    report(r, done.incrementAndGet(), items.size(), request.dryRun());
                    return r;
                }));
            }
            List<ImageResult> results = new ArrayList<>();
            for (Future<ImageResult> f : futures) {
                results.add(f.get());
            }
            ImageMigrationSummary summary = finish(request, target, results, started);
            if (refused.get() != null) {
                // The reports say what moved before the refusal; the run itself ends in the one line that names it.
                throw refused.get();
            }
            return summary;
        } catch (InterruptedException e) {
            images.shutdownNow();
            transfers.shutdownNow();
            awaitQuietly(images, transfers);
            Thread.currentThread().interrupt();
            throw new MigrationException("Image migration cancelled after " + done.get() + " of " + items.size()
                    + " images; a re-run sends only what is missing");
        } catch (ExecutionException e) {
            throw new IllegalStateException("an image task failed unexpectedly", e.getCause());
        } finally {
            images.shutdownNow();
            transfers.shutdownNow();
            clients.close();
        }
    }

    private List<Item> parse(List<String> given, ImageTarget target) {
        List<Item> items = new ArrayList<>();
        for (String image : new LinkedHashSet<>(given)) {
            try {
                ImageReference source = ImageReference.parse(image);
                items.add(new Item(image, source, target.map(source), null));
            } catch (MigrationException e) {
                items.add(new Item(image, null, null, e.getMessage()));
            }
        }
        return items;
    }

    /**
     * The images the request's repository selections name, minus those already listed: expanded before anything moves,
     * so the count, the dry run and the reports show them like explicit images. A selection that gives no image becomes
     * a failed item naming it, and the others still run.
     */
    private List<Item> expand(ImageMigrationRequest request, ImageTarget target, List<Item> listed) {
        if (request.selections().isEmpty()) {
            return List.of();
        }
        List<SelectionResult> results;
        try {
            results = new ImageSelector(request.catalog()).expand(request.selections());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Image migration cancelled while listing the selected repositories; nothing was sent");
        }
        // Compared as parsed references, so an explicit image written another way (an upper-case host) is not moved twice.
        Set<Object> seen = new HashSet<>();
        listed.forEach(item -> seen.add(item.source() != null ? item.source() : item.given()));
        List<Item> added = new ArrayList<>();
        for (SelectionResult result : results) {
            int duplicates = 0;
            for (Item item : parse(result.images(), target)) {
                if (seen.add(item.source() != null ? item.source() : item.given())) {
                    added.add(item);
                } else {
                    duplicates++;
                }
            }
            events.info(TOPIC, "Selection " + result.summary() + (duplicates > 0 ? "; " + duplicates + " of them already listed" : ""));
            result.problems().forEach(p -> added.add(new Item(p.subject(), null, null, p.message())));
        }
        return added;
    }

    /**
     * A cloud that refused the run's credentials refuses them for every image: the first refusal fails its image, and
     * the images not started yet are not tried (no more token requests, no lockout) but listed as not attempted.
     */
    private ImageResult migrateUnlessRefused(Item item, ImageMigrationRequest request, RegistryClients clients, ImageCopier copier,
                                             AcrImporter importer, AtomicReference<CloudAuthenticationException> refused)
            throws InterruptedException {
        CloudAuthenticationException earlier = refused.get();
        if (earlier != null) {
            return ImageResult.failed(item.given(), item.target() == null ? null : ImageTarget.display(item.target()),
                    request.mode().label(), "not attempted: " + earlier.getMessage());
        }
        try {
            return migrate(item, request, clients, copier, importer);
        } catch (CloudAuthenticationException e) {
            refused.compareAndSet(null, e);
            return ImageResult.failed(item.given(), item.target() == null ? null : ImageTarget.display(item.target()),
                    request.mode().label(), e.getMessage());
        }
    }

    private ImageResult migrate(Item item, ImageMigrationRequest request, RegistryClients clients, ImageCopier copier,
                                AcrImporter importer) throws InterruptedException {
        if (item.error() != null) {
            return ImageResult.failed(item.given(), null, request.mode().label(), item.error());
        }
        String targetText = ImageTarget.display(item.target());
        CopyStats stats = new CopyStats();
        String mode = request.mode().label();
        String note = null;
        try {
            if (importer != null && !request.dryRun()) {
                ImportAttempt attempt = importOne(item, request, clients, importer, stats);
                if (attempt.result() != null) {
                    return attempt.result();
                }
                note = attempt.fallbackNote();
                mode = MigrationMode.COPY.label();
            }
            ImageCopier.Outcome outcome = copier.copy(item.source(), item.target(), request.referrers() && request.mode() == MigrationMode.COPY,
                    request.dryRun(), stats);
            ImageStatus status = request.dryRun() ? ImageStatus.PLANNED : outcome.unchanged() ? ImageStatus.UNCHANGED : ImageStatus.COPIED;
            if (!request.dryRun() && !outcome.unchanged()) {
                // An unchanged image was just resolved in the target by the same HEAD this would send again.
                verify(clients, item.target(), outcome.digest(), stats);
            }
            long bytes = request.dryRun() ? stats.bytesToCopy() : stats.bytes();
            return new ImageResult(new ImageRefs(item.given(), targetText, outcome.digest(), outcome.platforms()),
                    ImageOutcome.of(status, mode, note), ImageTransfer.of(stats, bytes));
        } catch (CloudAuthenticationException e) {
            throw e;
        } catch (MigrationException e) {
            return ImageResult.failed(item.given(), targetText, mode, e.getMessage()).withRetries(stats.retries());
        }
    }

    /** An import's result, or why the image must be copied instead (an ACR import limit). */
    private record ImportAttempt(ImageResult result, String fallbackNote) {
    }

    private ImportAttempt importOne(Item item, ImageMigrationRequest request, RegistryClients clients, AcrImporter importer,
                                            CopyStats stats) throws InterruptedException {
        Registry src = clients.source(item.source().registry());
        ManifestContent root = src.manifests().get(item.source().repository(), item.source().reference(), stats::retried)
                .orElseThrow(() -> new MigrationException((item.source().digest() != null ? "manifest " + item.source().digest()
                        : "tag '" + item.source().tag() + "'") + " not found in " + item.source().name()));
        boolean publicSource = AcrImportLimits.isPublicRegistry(item.source().registry());
        List<ManifestContent> platforms = new ArrayList<>();
        if (publicSource && root.isIndex()) {
            for (var child : root.children()) {
                src.manifests().get(item.source().repository(), child.digest(), stats::retried).ifPresent(platforms::add);
            }
        }
        Optional<String> limit = AcrImportLimits.exceeded(root, platforms, publicSource);
        if (limit.isPresent()) {
            events.warn(TOPIC, item.given() + ": " + limit.get());
            return new ImportAttempt(null, limit.get());
        }
        String targetText = ImageTarget.display(item.target());
        Registry dst = clients.target(item.target().registry());
        String reference = item.target().tag() != null ? item.target().tag() : root.digest();
        String held = dst.manifests().digest(item.target().repository(), reference, false, stats::retried).orElse(null);
        boolean present = root.digest().equals(held);
        if (held != null && !present && !request.force()) {
            // ARM would answer NoForce with a conflict after a round trip; the user needs the digests and the option.
            throw new MigrationException(targetText + " already holds " + held + " (the source is " + root.digest()
                    + "); ACR import does not replace a tag: overwrite it with " + request.forceName());
        }
        if (!present) {
            importer.importImage(item.source(), root.digest(), item.target(), request.force(), stats::retried);
            verify(clients, item.target(), root.digest(), stats);
        }
        List<String> platformNames = new ArrayList<>();
        if (root.isIndex()) {
            root.children().forEach(c -> platformNames.add(c.platform()));
        }
        return new ImportAttempt(new ImageResult(new ImageRefs(item.given(), targetText, root.digest(), platformNames),
                ImageOutcome.of(present ? ImageStatus.UNCHANGED : ImageStatus.IMPORTED, MigrationMode.IMPORT.label(), null),
                ImageTransfer.retriesOnly(stats.retries())), null);
    }

    /** Resolves the target tag (or digest) in the target registry and compares it with the source digest. */
    private void verify(RegistryClients clients, ImageReference target, String digest, CopyStats stats) throws InterruptedException {
        String reference = target.tag() != null ? target.tag() : digest;
        String actual = clients.target(target.registry()).manifests().digest(target.repository(), reference, false, stats::retried)
                .orElseThrow(() -> new MigrationException(ImageTarget.display(target) + " is missing from the target after the transfer"));
        if (!actual.equals(digest)) {
            throw new MigrationException(ImageTarget.display(target) + " resolves to " + actual + " in the target, the source is " + digest);
        }
    }

    private void report(ImageResult r, int n, int total, boolean dryRun) {
        String progress = "(" + n + "/" + total + ") ";
        if (r.failed()) {
            events.emit(new MigrationEvent(EventLevel.ERROR, TOPIC, progress + r.refs().source() + ": " + r.outcome().error()));
            return;
        }
        ImageRefs image = r.refs();
        ImageTransfer t = r.transfer();
        String what = switch (r.outcome().status()) {
            case PLANNED -> "would " + r.outcome().mode() + " " + image.source() + " -> " + image.target() + " (" + Sizes.human(t.bytes())
                    + " to send" + (image.platforms().isEmpty() ? "" : ", " + image.platforms().size() + " platforms") + ")";
            case UNCHANGED -> "unchanged " + image.source() + " -> " + image.pinnedTarget();
            case IMPORTED -> "imported " + image.source() + " -> " + image.pinnedTarget() + (t.retries() > 0 ? " (" + t.retries() + " retries)" : "");
            default -> "copied " + image.source() + " -> " + image.pinnedTarget() + " (" + Sizes.human(t.bytes()) + ", " + t.blobsCopied()
                    + " blobs sent, " + t.blobsSkipped() + " skipped, " + t.blobsMounted() + " mounted"
                    + (t.retries() > 0 ? ", " + t.retries() + " retries" : "") + ")";
        };
        events.info(TOPIC, progress + what);
    }

    private ImageMigrationSummary finish(ImageMigrationRequest request, ImageTarget target, List<ImageResult> results, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        ImageMigrationSummary summary = new ImageMigrationSummary(results, request.mode(), request.dryRun(), null, null, null, seconds);
        if (request.dryRun() || request.outputDirectory() == null) {
            events.info(TOPIC, summary.oneLine());
            return summary;
        }
        Path dir = request.outputDirectory();
        Path mapping = dir.resolve("image-mapping.json");
        Path json = dir.resolve("image-report.json");
        Path markdown = dir.resolve("image-report.md");
        summary = new ImageMigrationSummary(results, request.mode(), false, mapping, json, markdown, seconds);
        try {
            Files.createDirectories(dir);
            Files.writeString(mapping, new ImageMappingFile().render(summary.mapping()), StandardCharsets.UTF_8);
            Files.writeString(json, new ImageReportJson().render(summary, target.toString()), StandardCharsets.UTF_8);
            Files.writeString(markdown, new ImageReportMarkdown().render(summary, target.toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write the image reports to " + dir + ": " + e.getMessage(), e);
        }
        events.info(TOPIC, summary.oneLine());
        events.info(TOPIC, "Wrote " + mapping + ", " + json + " and " + markdown);
        return summary;
    }

    private static ExecutorService pool(int size, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static void awaitQuietly(ExecutorService... pools) {
        for (ExecutorService p : pools) {
            try {
                p.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
