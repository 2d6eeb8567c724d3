package io.jenkins.plugins.eks2aks.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.ConfigMapGenerators;
import io.jenkins.plugins.eks2aks.manifests.KustomizationImages;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.GeneratedHelmValues;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.ManifestWriter;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.OutputFormat;
import io.jenkins.plugins.eks2aks.manifests.PathExclusions;
import io.jenkins.plugins.eks2aks.manifests.RuleCatalog;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.output.KustomizeOverlay;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps;
import io.jenkins.plugins.eks2aks.report.ConversionReportHtml;
import io.jenkins.plugins.eks2aks.report.ConversionReportJson;
import io.jenkins.plugins.eks2aks.report.ConversionReportMarkdown;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The convert use case shared by {@code eks2aks convert} and the {@code convertManifests} step: read, convert,
 * write the converted manifests ({@code manifests/}) or a Kustomize overlay on the input ({@code overlay/}), the
 * Velero ConfigMaps when asked ({@code velero/}), and the reports ({@code report/}: JSON, Markdown, HTML).
 * Nothing is written unless everything succeeded; a dry run writes nothing.
 *
 * <p>Long because: it is the one place that orders reading, converting and the all-or-nothing write of every
 * output (manifests or overlay, Velero ConfigMaps, three reports).
 */
public final class ManifestConversion {

    public static final String TOPIC = "convert";
    static final String MANIFESTS_DIR = "manifests";
    static final String REPORT_DIR = "report";
    static final String OVERLAY_DIR = "overlay";
    static final String VELERO_DIR = "velero";

    private final EventSink events;

    public ManifestConversion(EventSink events) {
        this.events = events;
    }

    public ConversionSummary run(ConversionRequest request) {
        Path input = request.input().toAbsolutePath().normalize();
        Path output = request.output().toAbsolutePath().normalize();
        checkLayout(request, input, output);

        ConversionResult result = convert(request.input(), request.mapping(), request.exclusions(), request.names().frontEnd());
        emitChanges(result.changes());
        result.conflicts().forEach(c -> events.emit(new MigrationEvent(EventLevel.ERROR, TOPIC, c.object() + " ("
                + c.document().location() + ") " + c.path() + ": rules " + String.join(", ", c.ruleIds())
                + " both change this field; none applied")));

        List<String> registryMap = request.mapping().registryMap().describe();
        Path reports = output.resolve(REPORT_DIR);
        Path reportJson = reports.resolve("conversion-report.json");
        Path reportMarkdown = reports.resolve("conversion-report.md");
        Path reportHtml = reports.resolve("conversion-report.html");
        boolean kustomize = request.format() == OutputFormat.KUSTOMIZE;
        Path written = output.resolve(kustomize ? OVERLAY_DIR : MANIFESTS_DIR);
        List<String> veleroFiles = new ArrayList<>();
        KustomizeOverlay overlay = kustomize ? KustomizeOverlay.of(result, written, request.names()) : null;
        VeleroConfigMaps velero = request.veleroConfigMaps()
                ? VeleroConfigMaps.of(result, request.mapping().storageClasses()) : null;
        if (overlay != null) {
            if (result.changes().stream().anyMatch(c -> c.applied() && KustomizationImages.KIND.equals(c.object().kind()))) {
                events.warn(TOPIC, "Kustomize overlay: the ECR images set by the input's kustomization images: entries are "
                        + "rewritten only with " + request.names().filesFormat() + "; the overlay leaves them to you");
            }
            if (result.changes().stream().anyMatch(c -> c.applied() && ConfigMapGenerators.KIND.equals(c.object().kind()))) {
                events.warn(TOPIC, "Kustomize overlay: the HelmRelease values files a configMapGenerator reads are rewritten only "
                        + "with " + request.names().filesFormat() + "; the overlay leaves them to you");
            }
            overlay.warnings().forEach(w -> events.warn(TOPIC, "Kustomize overlay: " + w));
            overlay.notes().forEach(n -> events.info(TOPIC, "Kustomize overlay: " + n));
        }
        if (velero != null) {
            velero.warnings().forEach(w -> events.warn(TOPIC, "Velero: " + w));
            velero.notes().forEach(n -> events.info(TOPIC, "Velero: " + n));
        }
        if (!request.dryRun()) {
            // The reports of a large cluster take about as long to write as converting it: two other threads
            // stream them to their files while this one writes the manifests (all of them only read the result).
            ExecutorService reportThreads = Executors.newFixedThreadPool(2, ManifestConversion::reportThread);
            try (StagedDirectory staged = StagedDirectory.create(output, TOPIC, request.forceOutput())) {
                Path stagedReports = staged.path().resolve(REPORT_DIR);
                List<Future<?>> reportsWritten = List.of(
                        reportThreads.submit(() -> writeReport(stagedReports.resolve(reportJson.getFileName()),
                                out -> new ConversionReportJson().render(result, registryMap, out))),
                        reportThreads.submit(() -> writeReport(stagedReports.resolve(reportHtml.getFileName()),
                                out -> new ConversionReportHtml().render(result, registryMap, out))),
                        reportThreads.submit(() -> writeReport(stagedReports.resolve(reportMarkdown.getFileName()),
                                out -> new ConversionReportMarkdown().render(result, registryMap, out))));
                try {
                    if (overlay != null) {
                        writeAll(staged.path().resolve(OVERLAY_DIR), overlay.files());
                    } else {
                        new ManifestWriter().write(result, staged.path().resolve(MANIFESTS_DIR));
                    }
                    if (velero != null) {
                        writeAll(staged.path().resolve(VELERO_DIR), velero.files());
                        velero.files().keySet().stream().filter(f -> f.endsWith(".yaml"))
                                .forEach(f -> veleroFiles.add(output.resolve(VELERO_DIR).resolve(f).toString()));
                    }
                    reportsWritten.forEach(ManifestConversion::await);
                } catch (RuntimeException | Error e) {
                    stop(reportThreads); // before the staging directory is deleted under the report writers
                    throw e;
                }
                staged.commit();
            } finally {
                reportThreads.shutdownNow();
            }
            events.info(TOPIC, (kustomize ? "Wrote the Kustomize overlay to " : "Wrote converted manifests to ") + written);
            if (velero != null) {
                events.info(TOPIC, "Wrote Velero ConfigMaps to " + output.resolve(VELERO_DIR) + ": "
                        + velero.storageClassRows() + " storage class rows, " + velero.imageRows() + " image rows, "
                        + velero.modifierRules() + " resource modifier rules");
            }
            events.info(TOPIC, "Wrote reports " + reportJson + ", " + reportMarkdown + " and " + reportHtml);
        }
        ConversionSummary summary = summarize(request, result, written, reportJson, reportMarkdown, reportHtml, veleroFiles);
        events.info(TOPIC, summary.oneLine());
        return summary;
    }

    /**
     * Reads and converts {@code input} with {@code mapping}, writes nothing and reports no change: the conversion a
     * dry run makes, for callers that read the result themselves ({@code plan}); decisions name the commands and
     * steps in {@code frontEnd}'s words.
     */
    public ConversionResult convert(Path input, MigrationMapping mapping, FrontEndNames frontEnd) {
        return convert(input, mapping, PathExclusions.NONE, frontEnd);
    }

    /**
     * As {@link #convert(Path, MigrationMapping, FrontEndNames)}, leaving out the paths {@code exclusions} name; decisions name the
     * options and commands the front end spells as {@code frontEnd}.
     */
    public ConversionResult convert(Path input, MigrationMapping mapping, PathExclusions exclusions, FrontEndNames frontEnd) {
        events.info(TOPIC, "Reading " + input + (exclusions.isEmpty() ? "" : " without " + exclusions));
        ManifestSet manifests = new ManifestReader().read(input.toAbsolutePath().normalize(), exclusions);
        RuleContext context = new RuleContext(mapping, InputIndex.of(manifests, mapping.registryMap()), frontEnd);
        Set<String> generatorFiles = context.index().configMapGenerators().files();
        for (String note : manifests.notes()) {
            String file = note.substring(0, Math.max(0, note.indexOf(": not a Kubernetes manifest")));
            if (generatorFiles.contains(file)) {
                // Not copied unchanged when a HelmRelease takes its values from the ConfigMap made of it.
                events.info(TOPIC, file + ": a file a kustomize configMapGenerator reads, converted as the values of "
                        + "the HelmReleases taking values from that ConfigMap");
            } else {
                events.warn(TOPIC, note);
            }
        }
        if (!manifests.excluded().isEmpty()) {
            events.info(TOPIC, "Left out " + manifests.excluded().size() + " excluded files: "
                    + String.join(", ", manifests.excluded().subList(0, Math.min(20, manifests.excluded().size())))
                    + (manifests.excluded().size() > 20 ? ", …" : ""));
        }
        events.info(TOPIC, "Read " + manifests.documentCount() + " documents from " + manifests.files().size() + " files");
        context.index().kustomizePatches().notes().forEach(n -> events.warn(TOPIC, n));
        ConversionResult converted = new ManifestConverter(RuleCatalog.rules(context)).convert(manifests);
        ConversionResult result = GeneratedHelmValues.addTo(withKustomizationImages(converted, manifests, mapping, frontEnd), context);
        result.inputDecisions().forEach(d -> events.warn(TOPIC, "decision needed: " + d));
        if (result.empty()) {
            events.warn(TOPIC, input + " holds no Kubernetes object (" + manifests.files().size() + " manifest files, "
                    + manifests.passThrough().size() + " other files): nothing was converted; check the path, "
                    + "and render Helm charts with helm template first (counted as a pending decision)");
        }
        return result;
    }

    /** Adds the rewrites of ECR images a kustomization's {@code images:} names, unless the image rule is off. */
    private static ConversionResult withKustomizationImages(ConversionResult result, ManifestSet manifests,
                                                            MigrationMapping mapping, FrontEndNames frontEnd) {
        List<ObjectChange> images = KustomizationImages.of(manifests, mapping.registryMap(), frontEnd);
        if (images.isEmpty() || mapping.disabledRules().contains(EcrImageRule.ID)) {
            return result;
        }
        List<ObjectChange> changes = new ArrayList<>(result.changes());
        changes.addAll(images);
        return new ConversionResult(result.input(), result.documents(), changes, result.conflicts(), result.objects(),
                result.inputDecisions(), result.patchRewrites());
    }

    private static void checkLayout(ConversionRequest request, Path input, Path output) {
        if (!Files.exists(input)) {
            throw new MigrationException("Input path '" + request.input() + "' does not exist");
        }
        OutputFolder.checkApart(request.output(), List.of(request.input()));
        if (!request.dryRun()) {
            OutputFolder.checkReplaceable(request.output(), request.forceOutput());
        }
    }

    /**
     * One line per changed object (its rules and how many changes), one warning per decision, one line per
     * exclusion; each change's before and after only at DEBUG, so a large cluster's log stays readable.
     */
    private void emitChanges(List<ObjectChange> changes) {
        Map<String, List<ObjectChange>> byObject = new LinkedHashMap<>();
        for (ObjectChange c : changes) {
            byObject.computeIfAbsent(c.document().location() + "|" + c.object(), k -> new ArrayList<>()).add(c);
        }
        for (List<ObjectChange> group : byObject.values()) {
            ObjectChange first = group.get(0);
            if (first.change().isExclusion()) {
                events.info(TOPIC, first.object() + ": excluded [" + first.change().ruleId() + "]: " + first.change().reason());
                continue;
            }
            List<ObjectChange> applied = group.stream().filter(ObjectChange::applied).toList();
            if (!applied.isEmpty()) {
                Set<String> rules = new TreeSet<>();
                applied.forEach(c -> rules.add(c.change().ruleId()));
                events.info(TOPIC, first.object() + ": " + applied.size() + (applied.size() == 1 ? " change" : " changes")
                        + " [" + String.join(", ", rules) + "] (" + first.document().file() + ")");
            }
            for (ObjectChange c : group) {
                Change change = c.change();
                if (change.mode() == RuleMode.HUMAN) {
                    events.warn(TOPIC, c.object() + " " + change.path() + ": decision needed [" + change.ruleId() + "]: " + change.reason());
                } else if (c.applied() && events.wants(EventLevel.DEBUG)) {
                    events.debug(TOPIC, c.object() + " " + change.path() + ": " + text(change.before()) + " -> "
                            + text(change.after()) + " [" + change.ruleId() + " " + change.mode() + "]");
                }
            }
        }
    }

    private static String text(JsonNode node) {
        String text = node == null ? "(none)" : node.isTextual() ? node.asText() : node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static ConversionSummary summarize(ConversionRequest request, ConversionResult result, Path written,
                                               Path reportJson, Path reportMarkdown, Path reportHtml,
                                               List<String> veleroFiles) {
        Map<String, Integer> byMode = new LinkedHashMap<>();
        result.countByMode().forEach((mode, count) -> byMode.put(mode.name(), count));
        boolean dry = request.dryRun();
        return new ConversionSummary(result.input().files().size(), result.documents().size(), result.objects(),
                result.changedDocuments(), byMode, result.pendingDecisions(), result.conflicts().size(), dry,
                dry ? null : written.toString(),
                dry ? null : reportJson.toString(), dry ? null : reportMarkdown.toString(),
                dry ? null : reportHtml.toString(), request.format().name(), veleroFiles);
    }

    private static Thread reportThread(Runnable task) {
        Thread thread = new Thread(task, "eks2aks-reports");
        thread.setDaemon(true);
        return thread;
    }

    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A report renderer writing to a stream. */
    private interface Report {
        void render(Writer out) throws IOException;
    }

    private static Void writeReport(Path file, Report report) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            report.render(out);
        } catch (IOException e) {
            throw new MigrationException("Cannot write '" + file + "': " + e.getMessage(), e);
        }
        return null;
    }

    /** The task's result; its failure as it was thrown. */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new MigrationException("Cannot write the reports: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while writing the reports", e);
        }
    }

    /** Writes {@code files} (path relative to {@code dir} → text) under {@code dir}. */
    private static void writeAll(Path dir, Map<String, String> files) {
        files.forEach((name, text) -> write(dir.resolve(name), text));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write '" + file + "': " + e.getMessage(), e);
        }
    }
}
