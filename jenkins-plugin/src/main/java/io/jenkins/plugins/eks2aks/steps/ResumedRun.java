package io.jenkins.plugins.eks2aks.steps;

import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.util.concurrent.Callable;

/**
 * Runs a long step's work again after a controller restart. {@code SynchronousNonBlockingStepExecution} fails a
 * resumed step; ours are idempotent by name (a Velero Backup or Restore is re-attached to, a copy skips what the
 * target already holds), so running the persisted plain values again is how they re-attach.
 */
public final class ResumedRun {

    private ResumedRun() {
    }

    /**
     * Starts the work on its own daemon thread, after a line in the build log saying why it runs again.
     *
     * @param what   the thread's name (the step and the object it works on)
     * @param notice the log line
     * @return the thread, so {@code stop} can interrupt it
     */
    public static Thread start(StepContext context, String what, String notice, Callable<?> work) {
        Thread worker = new Thread(() -> {
            try {
                context.get(TaskListener.class).getLogger().println(notice);
                context.onSuccess(work.call());
            } catch (Throwable t) {
                context.onFailure(t);
            }
        }, what + " (resumed)");
        worker.setDaemon(true);
        worker.start();
        return worker;
    }
}
