package io.jenkins.plugins.eks2aks.traffic;

/** How a traffic shift ended. */
public enum TrafficOutcome {
    /** All traffic on AKS (also when it already was). */
    SHIFTED,
    /** A health gate failed: the weights went back to the last ones whose gate passed. */
    ROLLED_BACK,
    /** The gate failed before anything moved: nothing changed. */
    HELD,
    /** {@code --rollback}: all traffic on EKS. */
    RESTORED,
    /** Dry run: the changes were printed, nothing changed. */
    PLANNED;

    /** Whether the operation did what was asked; a CLI exits 1 and a step fails otherwise. */
    public boolean succeeded() {
        return this != ROLLED_BACK && this != HELD;
    }
}
