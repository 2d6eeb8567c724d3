package io.jenkins.plugins.eks2aks.events;

import java.util.Objects;

/**
 * One thing the engine reports while it works. The engine knows nothing of consoles or build logs:
 * the CLI and the Jenkins steps decide how an event is shown.
 *
 * @param level   how much it matters
 * @param topic   the step or feature that emitted it, e.g. {@code convert}
 * @param message one line, never containing a secret
 */
public record MigrationEvent(EventLevel level, String topic, String message) {

    public MigrationEvent {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
    }

    /** The line a plain-text log shows: {@code [convert] message}, with the level when it is not INFO. */
    public String toLogLine() {
        String prefix = level == EventLevel.INFO ? "" : level + ": ";
        return "[" + topic + "] " + prefix + message;
    }
}
