package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.manifests.FailOn;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code convertManifests} off the CPS thread: the conversion itself happens on the agent, and a summary
 * Map comes back. By default conflicts fail the step and pending decisions mark the build UNSTABLE; the step's
 * {@code failOn} changes that.
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
        FailOn failOn = work.validate();
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        HashMap<String, Object> summary = workspace.act(work.withListener(listener));
        int conflicts = ((Number) summary.get("conflicts")).intValue();
        int decisions = ((Number) summary.get("pendingDecisions")).intValue();
        switch (failOn.verdict(conflicts, decisions)) {
            case CONFLICTS -> throw new AbortException("convertManifests: " + conflicts + " conflicting changes were held back; see the report");
            case DECISIONS_PENDING -> throw new AbortException("convertManifests: " + decisions + " decisions are pending; see the report's checklist");
            case DECISIONS_TOLERATED -> {
                listener.getLogger().println("[convert] " + decisions
                        + " decisions are pending: build marked UNSTABLE (see the report's checklist)");
                context.setResult(Result.UNSTABLE);
            }
            case PASSED -> { }
        }
        return summary;
    }
}
