package io.jenkins.plugins.eks2aks.velero;

import io.jenkins.plugins.eks2aks.velero.model.VeleroPhase;

/**
 * How a Backup or Restore ended for the caller: the CLI's exit code and the build result of a step.
 */
public enum VeleroOutcome {
    /** Completed: exit 0, SUCCESS. */
    SUCCEEDED(0),
    /** Created and not waited for (--no-wait): exit 0. */
    STARTED(0),
    /** PartiallyFailed: exit 2, UNSTABLE. */
    PARTIALLY_FAILED(2),
    /** Failed, FailedValidation, deleted while waiting, or the wait timed out: exit 1, failure. */
    FAILED(1);

    private final int exitCode;

    VeleroOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The outcome of a final phase (see {@link VeleroPhase#isFinal}). */
    public static VeleroOutcome ofPhase(String phase) {
        if (VeleroPhase.COMPLETED.equals(phase)) {
            return SUCCEEDED;
        }
        if (VeleroPhase.PARTIALLY_FAILED.equals(phase)) {
            return PARTIALLY_FAILED;
        }
        return FAILED;
    }
}
