package io.jenkins.plugins.eks2aks.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.inventory.DumpObjects;
import io.jenkins.plugins.eks2aks.inventory.EksInventory;
import io.jenkins.plugins.eks2aks.inventory.InventoryJson;
import io.jenkins.plugins.eks2aks.inventory.InventoryRequest;
import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.ledger.LedgerEntry;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MappingOverrides;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan use case shared by {@code eks2aks plan} and the {@code migrationPlan} step: converts the manifests in a
 * dry run (the conversion engine), reads the inventory (a file, or a dump through the inventory engine, in memory),
 * estimates each step and writes {@code plan.json} and {@code plan.md}; nothing else. A ledger in the output folder
 * is kept.
 */
public final class MigrationPlanner {

    public static final String TOPIC = "plan";
    public static final String JSON = "plan.json";
    public static final String MARKDOWN = "plan.md";

    private final EventSink events;
    private final Clock clock;

    public MigrationPlanner(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public PlanSummary run(PlanRequest request) {
        Path mappingFile = MappingFile.discover(request.manifests(), request.mappingFile());
        MigrationMapping mapping = new MappingOverrides(request.mappingFile(), null, List.of(), null, null).resolve(request.manifests());
        events.info(TOPIC, mappingFile == null ? "No mapping file: the defaults decide" : "Mapping file " + mappingFile);
        // The conversion's own log would list every change: the plan only counts them.
        ConversionResult conversion = new ManifestConversion(EventSink.NONE).convert(request.manifests(), mapping,
                request.names().frontEnd().withAcrOptions(null, null)); // a plan has no ACR options
        events.info(TOPIC, "Converted " + conversion.objects() + " objects in a dry run: " + conversion.pendingDecisions()
                + " decisions open, " + conversion.conflicts().size() + " conflicts");
        SourceFacts facts = facts(request);
        Ledger ledger = Ledger.read(request.ledgerFile());
        if (!ledger.entries().isEmpty()) {
            // Skipped steps are in the ledger too (with their reason); only finished work measures anything.
            long finished = ledger.entries().stream().filter(LedgerEntry::succeeded).count();
            events.info(TOPIC, "Measured throughputs from " + request.ledgerFile() + " (" + finished + " finished steps)");
        }
        // Paths as the user gave them: a plan read elsewhere must not show the folders of the machine that made it.
        PlanOptions given = request.given();
        String shownMapping = mappingFile == null ? null : blank(given.mapping())
                ? Path.of(given.manifests()).resolve(mappingFile.getFileName()).toString() : given.mapping();
        String shownSource = facts == null ? null : request.inventoryFile() == null && request.dump() != null
                ? "cluster dump " + given.dump() : facts.source();
        String shownLedger = !blank(given.ledger()) ? given.ledger()
                : blank(given.output()) ? request.ledgerFile().toString() : Path.of(given.output()).resolve(Ledger.FILE).toString();
        MigrationPlan plan = new MigrationPlan(given.manifests(), shownMapping,
                shownSource, ledger.entries().isEmpty() ? null : shownLedger,
                new PlanSteps(new StepEstimator(ledger), request.names()).steps(conversion, facts), decisions(conversion), conversion.conflicts().size());
        write(request, plan);
        plan.steps().forEach(s -> events.info(TOPIC, s.name() + ": " + PlanMarkdown.work(s) + "; about "
                + PlanMarkdown.duration(s.estimateSeconds()) + " (" + s.basis() + ")"));
        plan.decisions().forEach(d -> events.warn(TOPIC, d.object() + " " + d.path() + ": decision open"
                + (d.keys().isEmpty() ? "" : " (settle with " + String.join(", ", d.keys()) + ")")));
        Path out = request.output();
        events.info(TOPIC, "Wrote " + out.resolve(JSON) + " and " + out.resolve(MARKDOWN));
        PlanSummary summary = new PlanSummary(plan.steps().size(), plan.decisions().size(), plan.conflicts(), plan.estimateSeconds(),
                plan.measured(), out.resolve(JSON).toString(), out.resolve(MARKDOWN).toString());
        events.info(TOPIC, summary.oneLine());
        return summary;
    }

    /** The inventory's facts: the file given, or a dump inventoried in memory by the inventory engine; else null. */
    private SourceFacts facts(PlanRequest request) {
        if (request.inventoryFile() != null) {
            events.info(TOPIC, "Inventory " + request.inventoryFile());
            return SourceFacts.read(request.inventoryFile(), request.names().inventoryRun());
        }
        if (request.dump() != null) {
            var inventory = new EksInventory(events, clock).read(new InventoryRequest(new DumpObjects(request.dump()), null, null, null, null,
                    false, request.names().frontEnd()));
            try {
                return SourceFacts.of(new ObjectMapper().readTree(new InventoryJson().render(inventory)));
            } catch (IOException e) {
                throw new IllegalStateException("the inventory's own JSON always reads back", e);
            }
        }
        events.warn(TOPIC, "No inventory: the source's objects, images and volumes are not counted (give an inventory or a dump)");
        return null;
    }

    private static List<PlanDecision> decisions(ConversionResult conversion) {
        List<PlanDecision> decisions = new ArrayList<>();
        for (ObjectChange c : conversion.changes()) {
            if (c.change().mode() == RuleMode.HUMAN) {
                decisions.add(new PlanDecision(c.object().toString(), c.document().file(), c.change().path(), c.change().ruleId(),
                        c.change().reason(), c.change().mappingKeys()));
            }
        }
        return decisions;
    }

    private static void write(PlanRequest request, MigrationPlan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JSON, new PlanJson().render(plan));
        files.put(MARKDOWN, new PlanMarkdown().render(plan));
        Path ledger = request.ledgerFile();
        boolean keepLedger = ledger.getParent().equals(request.output()) && Files.isRegularFile(ledger);
        try (StagedDirectory staged = StagedDirectory.create(request.output(), TOPIC, request.force())) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(staged.path().resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            if (keepLedger) {
                // The folder is replaced as a whole; the ledger is the migration's memory, not the plan's to drop.
                Files.copy(ledger, staged.path().resolve(ledger.getFileName()));
            }
            staged.commit();
        } catch (IOException e) {
            throw new MigrationException("Cannot write the plan into '" + request.output() + "': " + e.getMessage(), e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
