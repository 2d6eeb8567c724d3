package io.jenkins.plugins.eks2aks.preflight;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.report.MarkdownRenderer;
import io.jenkins.plugins.eks2aks.report.ReportDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The preflight use case shared by {@code eks2aks preflight} and the {@code aksPreflight} step: evaluate the checks,
 * log each, write {@code preflight.json}, {@code preflight.md} and {@code preflight-junit.xml}.
 */
public final class AksPreflight {

    public static final String TOPIC = "preflight";
    public static final String JSON = "preflight.json";
    public static final String MARKDOWN = "preflight.md";
    public static final String JUNIT = "preflight-junit.xml";

    private final EventSink events;
    private final Clock clock;

    public AksPreflight(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public PreflightSummary run(PreflightRequest request) {
        if (request.aks() == null && request.cluster() == null) {
            throw new MigrationException("Nothing to check: give the AKS cluster (subscription, resource group, name) or a kubeconfig, or both");
        }
        OutputFolder.checkReplaceable(request.output(), request.forceOutput());
        List<PreflightCheck> checks = new PreflightChecks(request.requirements(), request.aks(), request.cluster(),
                LocalDate.now(clock), request.resourceGroup(), request.name()).run();
        for (PreflightCheck c : checks) {
            EventLevel level = c.status() == CheckStatus.FAIL ? EventLevel.WARNING : EventLevel.INFO;
            events.emit(new MigrationEvent(level, TOPIC, c.status() + " " + c.id() + ": " + c.detail()
                    + (c.status() == CheckStatus.FAIL ? " (fix: " + c.fix() + ")" : "")));
        }
        ReportDocument doc = new ReportDocument("AKS preflight: " + request.target());
        doc.table(List.of("Status", "Check", "Found", "Fix"), checks.stream()
                .map(c -> List.of(c.status().name(), c.title() + " (" + c.id() + ")", c.detail(), c.fix())).toList(), "No checks.");
        Path output = request.output().toAbsolutePath().normalize();
        try (StagedDirectory staged = StagedDirectory.create(output, TOPIC, request.forceOutput())) {
            write(staged.path().resolve(JSON), new PreflightJson().render(request.target(), checks));
            write(staged.path().resolve(MARKDOWN), new MarkdownRenderer().render(doc));
            write(staged.path().resolve(JUNIT), new PreflightJUnit().render("aksPreflight " + request.target(), checks));
            staged.commit();
        }
        List<String> failed = checks.stream().filter(c -> c.status() == CheckStatus.FAIL).map(PreflightCheck::id).toList();
        PreflightSummary summary = new PreflightSummary((int) checks.stream().filter(c -> c.status() == CheckStatus.PASS).count(),
                failed.size(), (int) checks.stream().filter(c -> c.status() == CheckStatus.NOT_CHECKED).count(), failed,
                output.resolve(JSON), output.resolve(MARKDOWN), output.resolve(JUNIT));
        events.info(TOPIC, summary.oneLine() + "; reports in " + output);
        return summary;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write '" + file + "': " + e.getMessage(), e);
        }
    }
}
