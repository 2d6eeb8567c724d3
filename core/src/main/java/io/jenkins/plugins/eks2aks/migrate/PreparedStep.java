package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.plan.MigrationStep;

/**
 * A step ready to run, or the reason it cannot: its inputs are not configured.
 *
 * @param step         the step
 * @param skipReason   why it is skipped (an input not given, an earlier step's output missing), or null
 * @param inputsDigest the digest of everything it reads; compared with the ledger's
 * @param action       what runs it
 */
record PreparedStep(MigrationStep step, String skipReason, String inputsDigest, Action action) {

    /** Runs the step: the engine's runner for it. */
    interface Action {
        StepResult run() throws InterruptedException;
    }

    static PreparedStep skipped(MigrationStep step, String reason, String inputsDigest) {
        return new PreparedStep(step, reason, inputsDigest, null);
    }

    boolean configured() {
        return skipReason == null;
    }
}
