package io.jenkins.plugins.eks2aks.steps.plan;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/** Runs {@code migrationPlan} off the CPS thread, the planning on the agent that holds the workspace. */
final class MigrationPlanExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final MigrationPlanCallable.Parameters parameters;

    MigrationPlanExecution(StepContext context, MigrationPlanCallable.Parameters parameters) {
        super(context);
        this.parameters = parameters;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        if (parameters.manifests().isEmpty()) {
            throw new AbortException("migrationPlan: 'manifests' is required: the EKS manifests, a file or a folder in the workspace");
        }
        StepContext context = getContext();
        return context.get(FilePath.class).act(new MigrationPlanCallable(parameters, context.get(TaskListener.class)));
    }
}
