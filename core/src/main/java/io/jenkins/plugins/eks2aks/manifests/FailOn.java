package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.OptionException;

import java.util.Locale;

/** What makes a conversion fail besides bad input: the CLI's {@code --fail-on}, the step's {@code failOn}. */
public enum FailOn {
    /** Pending decisions fail the run (and conflicts). */
    DECISIONS,
    /** Only conflicts fail the run; pending decisions are tolerated (a step marks the build UNSTABLE). */
    CONFLICTS,
    /** Nothing but bad input fails the run. */
    NEVER;

    /** How a run ended under this setting; each front end turns it into an exit code or a build result. */
    public enum Verdict { PASSED, DECISIONS_TOLERATED, DECISIONS_PENDING, CONFLICTS }

    /** @param option how the front end names the option, for the message */
    public static FailOn parse(String value, String option) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw OptionException.invalidChoice(option, String.valueOf(value), "decisions, conflicts, never");
        }
    }

    public Verdict verdict(ConversionSummary summary) {
        return verdict(summary.conflicts(), summary.pendingDecisions());
    }

    /** The verdict from the counts (as a step reads them from the summary Map). */
    public Verdict verdict(int conflicts, int pendingDecisions) {
        if (this == NEVER) {
            return Verdict.PASSED;
        }
        if (conflicts > 0) {
            return Verdict.CONFLICTS;
        }
        if (pendingDecisions > 0) {
            return this == DECISIONS ? Verdict.DECISIONS_PENDING : Verdict.DECISIONS_TOLERATED;
        }
        return Verdict.PASSED;
    }
}
