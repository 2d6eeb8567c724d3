package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.kubernetes.SupportCalendar;
import io.jenkins.plugins.eks2aks.report.HtmlRenderer;
import io.jenkins.plugins.eks2aks.report.MarkdownRenderer;
import io.jenkins.plugins.eks2aks.report.ReportDocument;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory use case shared by {@code eks2aks inventory} and the {@code eksInventory} step: stream the cluster's
 * objects through the collectors, add what the EKS API said, and write {@code inventory.json}, {@code inventory.md},
 * {@code inventory.html} and {@code ecr-images.txt}. Nothing is written unless everything succeeded.
 */
public final class EksInventory {

    public static final String TOPIC = EksApiReader.TOPIC;
    public static final String JSON = "inventory.json";
    public static final String MARKDOWN = "inventory.md";
    public static final String HTML = "inventory.html";
    /** The image list {@code ecrToAcr} reads: one ECR reference per line, sorted, unique. */
    public static final String IMAGE_LIST = "ecr-images.txt";

    static final int LOGGED_FINDINGS = 25;

    private final EventSink events;
    private final Clock clock;

    public EksInventory(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public InventorySummary run(InventoryRequest request) {
        Path output = request.output().toAbsolutePath().normalize();
        OutputFolder.checkReplaceable(request.output(), request.forceOutput()); // before a large cluster is read
        Inventory inventory = read(request);
        KubernetesVersion source = inventory.sourceVersion();
        KubernetesVersion target = inventory.targetVersion();

        ReportDocument report = new InventoryReport(request.frontEnd()).build(inventory);
        List<String> ecr = inventory.ecrImages();
        try (StagedDirectory staged = StagedDirectory.create(output, TOPIC, request.forceOutput())) {
            // Each file is written as it is rendered: a large estate's reports are never held in memory as text.
            write(staged.path().resolve(JSON), out -> new InventoryJson().write(inventory, out));
            write(staged.path().resolve(MARKDOWN), out -> new MarkdownRenderer().write(report, out));
            write(staged.path().resolve(HTML), out -> new HtmlRenderer().write(report, out));
            write(staged.path().resolve(IMAGE_LIST), out -> {
                for (String image : ecr) {
                    out.write(image);
                    out.write('\n');
                }
            });
            staged.commit();
        }
        List<Finding> high = inventory.findings().stream().filter(f -> f.severity() == Severity.HIGH).toList();
        // A large cluster can have thousands: the log shows the first ones, the reports have them all.
        high.stream().limit(LOGGED_FINDINGS).forEach(f -> events.warn(TOPIC, "[" + f.rule() + "] " + f.object() + " " + f.field()
                + ": " + f.detected() + " → " + f.azureEquivalent()));
        if (high.size() > LOGGED_FINDINGS) {
            events.warn(TOPIC, "… and " + (high.size() - LOGGED_FINDINGS) + " more HIGH findings: see " + output.resolve(MARKDOWN));
        }
        events.info(TOPIC, "Wrote " + output.resolve(JSON) + ", " + MARKDOWN + ", " + HTML + " and " + IMAGE_LIST);

        Map<String, Long> bySeverity = new LinkedHashMap<>();
        inventory.findingsBySeverity().forEach((s, n) -> bySeverity.put(s.name(), n));
        InventorySummary summary = new InventorySummary(inventory.counts().total(), inventory.images().size(), ecr.size(),
                inventory.findings().size(), bySeverity, inventory.apiUsages().stream().filter(ApiUsage::removedByTarget).count(),
                inventory.claims().size(), inventory.nodePools().size(), source == null ? null : source.toString(), target.toString(),
                output, output.resolve(JSON), output.resolve(MARKDOWN), output.resolve(HTML), output.resolve(IMAGE_LIST));
        events.info(TOPIC, summary.oneLine());
        return summary;
    }

    /**
     * Reads the objects and builds the inventory without writing anything (the request's output is not used):
     * what {@code plan} takes from a dump.
     */
    public Inventory read(InventoryRequest request) {
        KubernetesVersion source = sourceVersion(request);
        LocalDate today = LocalDate.now(clock);
        KubernetesVersion target = request.targetVersion() == null || request.targetVersion().isBlank()
                ? SupportCalendar.defaultAksTarget(source, today)
                : KubernetesVersion.parse(request.targetVersion()).orElseThrow(() -> new MigrationException(
                        "Invalid target AKS version '" + request.targetVersion() + "': expected e.g. 1.33"));

        events.info(TOPIC, "Reading " + request.objects().describe());
        InventoryCollector collector = new InventoryCollector(target, request.frontEnd());
        request.objects().forEach(collector::accept);
        request.objects().kustomizationImages().forEach(collector::acceptKustomizationImage);
        String description = request.controlPlane() != null
                ? "EKS cluster " + request.controlPlane().name() + " in " + request.controlPlane().region()
                : request.objects().describe();
        return collector.build(description, request.objects() instanceof LiveObjects,
                request.controlPlane(), source, target, today, request.objects().servedApiVersions(), List.of());
    }

    private static KubernetesVersion sourceVersion(InventoryRequest request) {
        if (request.controlPlane() != null) {
            return KubernetesVersion.parse(request.controlPlane().version()).orElse(null);
        }
        if (request.sourceVersion() != null && !request.sourceVersion().isBlank()) {
            return KubernetesVersion.parse(request.sourceVersion()).orElseThrow(() -> new MigrationException(
                    "Invalid source version '" + request.sourceVersion() + "': expected e.g. 1.29"));
        }
        return KubernetesVersion.parse(request.objects().serverVersion()).orElse(null);
    }

    /** What writes one report file. */
    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void write(Path file, Content content) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new MigrationException("Cannot write '" + file + "': " + e.getMessage(), e);
        }
    }
}
