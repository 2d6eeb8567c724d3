package io.jenkins.plugins.eks2aks.steps.plan;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
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

    /** The work for the agent, once the parameters are checked here on the controller. */
    MigrationPlanCallable callable(TaskListener listener) throws AbortException {
        try {
            parameters.options().check(MigrationPlanCallable.NAMES);
        } catch (RuntimeException e) {
            throw StepFailure.of(MigrationPlanCallable.STEP, e);
        }
        return new MigrationPlanCallable(parameters, listener);
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        return context.get(FilePath.class).act(callable(context.get(TaskListener.class)));
    }
}
