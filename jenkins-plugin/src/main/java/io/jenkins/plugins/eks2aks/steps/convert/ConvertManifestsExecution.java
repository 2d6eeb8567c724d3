package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.FilePath;
import hudson.model.Result;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code convertManifests} off the CPS thread: the conversion itself happens on the agent, and a
 * summary Map comes back. Pending decisions mark the build UNSTABLE; conflicts fail the step.
 */
final class ConvertManifestsExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final ConvertManifestsCallable work;

    ConvertManifestsExecution(StepContext context, ConvertManifestsCallable work) {
        super(context);
        this.work = work;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        work.validate();
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        HashMap<String, Object> summary = workspace.act(work.withListener(listener));
        if (((Number) summary.get("conflicts")).intValue() > 0) {
            throw new hudson.AbortException("convertManifests: " + summary.get("conflicts")
                    + " conflicting changes were held back; see the report");
        }
        if (((Number) summary.get("pendingDecisions")).intValue() > 0) {
            listener.getLogger().println("[convert] " + summary.get("pendingDecisions")
                    + " decisions are pending: build marked UNSTABLE (see the report's checklist)");
            context.setResult(Result.UNSTABLE);
        }
        return summary;
    }
}
