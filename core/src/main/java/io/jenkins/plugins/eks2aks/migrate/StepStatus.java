package io.jenkins.plugins.eks2aks.migrate;

import java.io.Serializable;
import java.util.Locale;

/**
 * What one step did in this run, and why.
 *
 * @param step    the step's name
 * @param state   what happened to it
 * @param reason  why: "inputs changed", "forced by --from convert", "no target cluster: give …"
 * @param message what it did or why it failed, one line; null when it did not run
 */
public record StepStatus(String step, State state, String reason, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What happened to a step in one run. */
    public enum State {
        /** It ran and succeeded. */
        RAN,
        /** It ran and failed: the run stopped there. */
        FAILED,
        /** It finished earlier with the same inputs. */
        UP_TO_DATE,
        /** Its inputs are not configured. */
        SKIPPED,
        /** Dry run: it would run. */
        WOULD_RUN,
        /** Before {@code --from} or after {@code --until}, or after a failed step. */
        NOT_RUN;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public String oneLine() {
        return step + ": " + state.key() + (reason == null ? "" : " (" + reason + ")") + (message == null ? "" : ": " + message);
    }
}
