package io.jenkins.plugins.eks2aks.events;

/** Receives the engine's events. Implementations must be safe to call from the engine's worker threads. */
@FunctionalInterface
public interface EventSink {

    /** Drops every event; for callers that only want the result. */
    EventSink NONE = event -> { };

    void emit(MigrationEvent event);

    default void info(String topic, String message) {
        emit(new MigrationEvent(EventLevel.INFO, topic, message));
    }

    default void warn(String topic, String message) {
        emit(new MigrationEvent(EventLevel.WARNING, topic, message));
    }

    default void debug(String topic, String message) {
        emit(new MigrationEvent(EventLevel.DEBUG, topic, message));
    }
}
