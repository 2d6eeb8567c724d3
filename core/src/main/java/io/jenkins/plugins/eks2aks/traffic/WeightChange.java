package io.jenkins.plugins.eks2aks.traffic;

import java.time.Instant;
import java.util.List;

/**
 * One change of the weights over time, as applied (or, in a dry run, planned).
 *
 * @param at         when it was applied (planned)
 * @param kind       {@link Kind}
 * @param aksPercent the AKS share it leaves
 * @param ttl        the TTL it sets, or null when it keeps each record's
 * @param lines      the record changes
 * @param applied    false in a dry run
 */
public record WeightChange(Instant at, Kind kind, int aksPercent, Long ttl, List<String> lines, boolean applied) {

    public WeightChange {
        lines = List.copyOf(lines);
    }

    /** Why a change was made. */
    public enum Kind {
        /** A simple record replaced by the weighted pair, EKS at 100. */
        PAIR,
        /** The TTL lowered before the weights move. */
        LOWER_TTL,
        /** One increment towards AKS. */
        SHIFT,
        /** Back to the last weights whose gate passed, after a gate failed. */
        ROLLBACK,
        /** Everything back on EKS ({@code --rollback}). */
        RESTORE_EKS,
        /** The TTL restored at the end. */
        RESTORE_TTL
    }
}
