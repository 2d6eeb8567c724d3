package io.jenkins.plugins.eks2aks.plan;

import java.util.List;

/**
 * The plan: the steps in order, the decisions still open and what it was made from.
 *
 * @param manifests  the manifests converted (dry run)
 * @param mapping    the mapping file read, or null (defaults)
 * @param source     what the inventory read, or null when there was none
 * @param ledger     the ledger whose throughputs were used, or null
 * @param steps      every step, in the order {@code migrate} runs them
 * @param decisions  open decisions, in input order
 * @param conflicts  fields two rules change differently (the conversion refuses them)
 */
public record MigrationPlan(String manifests, String mapping, String source, String ledger, List<PlanStep> steps,
                            List<PlanDecision> decisions, int conflicts) {

    public static final String SCHEMA = "eks2aks.io/plan/v1";

    public MigrationPlan {
        steps = List.copyOf(steps);
        decisions = List.copyOf(decisions);
    }

    public long estimateSeconds() {
        return steps.stream().mapToLong(PlanStep::estimateSeconds).sum();
    }

    public boolean measured() {
        return steps.stream().anyMatch(s -> s.estimateSource().equals(PlanStep.MEASURED));
    }
}
