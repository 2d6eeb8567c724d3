package io.jenkins.plugins.eks2aks.events;

/** Receives the engine's events. Implementations must be safe to call from the engine's worker threads. */
@FunctionalInterface
public interface EventSink {

    /** Drops every event; for callers that only want the result. */
    EventSink NONE = new EventSink() {
        @Override
        public void emit(MigrationEvent event) {
        }

        @Override
        public boolean wants(EventLevel level) {
            return false;
        }
    };

    void emit(MigrationEvent event);

    /** Whether events of {@code level} are shown at all, so callers can skip building text nobody reads. */
    default boolean wants(EventLevel level) {
        return true;
    }

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
