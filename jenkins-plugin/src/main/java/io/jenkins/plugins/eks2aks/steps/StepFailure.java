package io.jenkins.plugins.eks2aks.steps;

import hudson.AbortException;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.MissingCredentials;
import io.jenkins.plugins.eks2aks.files.OutputFolderInUseException;

/**
 * Turns what the engine throws into the one exception a step lets cross the agent channel: Jenkins'
 * {@link AbortException}, which fails the step with one line and no stack trace. The engine's and the cloud SDKs'
 * exceptions never cross: an SDK exception may hold values that do not serialize (HTTP responses, clients), and
 * the build log needs a sentence, not a stack trace.
 */
public final class StepFailure {

    /** How the steps spell the override of a folder eks2aks did not write. */
    public static final String FORCE = "force: true";

    private StepFailure() {
    }

    /** @param step the step's function name, which starts the message */
    public static AbortException of(String step, RuntimeException e) {
        if (e instanceof OutputFolderInUseException) {
            return new AbortException(step + ": " + e.getMessage() + " with " + FORCE);
        }
        if (e instanceof MigrationException || e instanceof IllegalArgumentException) {
            return new AbortException(step + ": " + e.getMessage());
        }
        var missing = MissingCredentials.in(e);
        if (missing.isPresent()) {
            return new AbortException(step + ": " + missing.get().getMessage());
        }
        return new AbortException(step + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                + " (unexpected: please report it with the agent's log)");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
