package io.jenkins.plugins.eks2aks.plan;

import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each step's work, from the conversion's dry run and the inventory's facts, estimated. */
final class PlanSteps {

    private static final String NO_INVENTORY = "not counted: no inventory (give an inventory.json or a cluster dump)";
    private static final String REQUESTED = "bytes: the claims' requested sizes, an upper bound of the data a file-system backup moves";

    private final StepEstimator estimator;
    private final PlanOptions.Names names;

    /** @param names the front end's words for the steps a note sends the user to */
    PlanSteps(StepEstimator estimator, PlanOptions.Names names) {
        this.estimator = estimator;
        this.names = names;
    }

    List<PlanStep> steps(ConversionResult conversion, SourceFacts facts) {
        List<PlanStep> steps = new ArrayList<>();
        for (MigrationStep step : MigrationStep.values()) {
            Map<String, Long> work = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            switch (step) {
                case INVENTORY -> {
                    if (facts != null) {
                        work.put("objects", facts.totalObjects());
                        work.put("namespaces", (long) facts.namespaces().size());
                        work.put("highFindings", facts.highFindings());
                    }
                }
                case PREFLIGHT -> {
                    if (facts != null) {
                        work.put("requirements", (long) facts.needs().size());
                        facts.needs().forEach(n -> notes.add("the target must offer " + n));
                    }
                    notes.add("failures are known only against the AKS cluster: run preflight there");
                }
                case IMAGES -> {
                    if (facts != null) {
                        work.put("images", facts.ecrImages());
                    }
                    notes.add("image sizes and what already sits in the target are read from the registries: "
                            + names.imagesDryRun());
                }
                case CONVERT -> convert(conversion, work);
                case BACKUP, RESTORE -> {
                    if (facts != null) {
                        work.put("namespaces", (long) facts.namespaces().size());
                        work.put("objects", facts.objects());
                        work.put("persistentVolumeClaims", facts.claims());
                        work.put("bytes", facts.claimBytes());
                        storageNotes(facts, notes);
                    }
                }
                case SYNC_STORAGE, VERIFY_STORAGE -> {
                    if (facts != null) {
                        work.put("bytes", facts.claimBytes());
                        storageNotes(facts, notes);
                    }
                }
                case VERIFY_RESTORE -> {
                    if (facts != null) {
                        work.put("workloads", facts.workloads());
                        work.put("persistentVolumeClaims", facts.claims());
                    }
                }
                default -> throw new IllegalStateException("no plan for " + step);
            }
            if (facts == null && step != MigrationStep.CONVERT) {
                notes.add(0, NO_INVENTORY);
            }
            steps.add(estimator.estimate(step, work, notes));
        }
        return steps;
    }

    private static void convert(ConversionResult conversion, Map<String, Long> work) {
        work.put("files", (long) conversion.input().files().size());
        work.put("documents", (long) conversion.documents().size());
        work.put("objects", (long) conversion.objects());
        work.put("changedDocuments", (long) conversion.changedDocuments());
        Map<RuleMode, Integer> byMode = conversion.countByMode();
        work.put("changes", byMode.values().stream().mapToLong(Integer::longValue).sum());
        byMode.forEach((mode, n) -> work.put("changes." + mode.name(), n.longValue()));
        work.put("pendingDecisions", (long) conversion.pendingDecisions());
        work.put("conflicts", (long) conversion.conflicts().size());
    }

    private static void storageNotes(SourceFacts facts, List<String> notes) {
        notes.add(REQUESTED);
        if (facts.unsizedClaims() > 0) {
            notes.add(facts.unsizedClaims() + " claims name no size and are not counted in bytes");
        }
    }
}
