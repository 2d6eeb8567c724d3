package io.jenkins.plugins.eks2aks.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;

import java.io.PrintStream;

/** Writes the engine's events to the build log, on whichever JVM the work runs. */
public final class BuildLogEvents implements EventSink {

    private final PrintStream log;

    public BuildLogEvents(TaskListener listener) {
        this.log = listener.getLogger();
    }

    @Override
    public boolean wants(EventLevel level) {
        return level != EventLevel.DEBUG;
    }

    @Override
    public void emit(MigrationEvent event) {
        if (event.level() == EventLevel.DEBUG) {
            return;
        }
        synchronized (log) {
            log.println(event.toLogLine());
        }
    }
}
