package io.jenkins.plugins.eks2aks.steps.inventory;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.inventory.InventorySpec;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Runs {@code eksInventory}: checks the parameters and resolves the AWS credential on the controller, then runs
 * the inventory on the agent with only derived values. Returns the summary Map.
 */
final class EksInventoryExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's values (never the step itself): what the agent gets, and which credential to resolve. */
    private final EksInventoryCallable.Parameters parameters;
    private final String awsCredentialsId;
    /** A service, not a value: after a restart the step fails anyway (a synchronous step does not resume). */
    private final transient StepCredentials credentials;
    /** The build log masked over the resolved secrets, once {@link #callable()} resolved them. */
    private transient MaskingListener masked;

    EksInventoryExecution(StepContext context, EksInventoryStep step, StepCredentials credentials) {
        super(context);
        this.parameters = new EksInventoryCallable.Parameters(step.getCluster(), step.getRegion(), step.getDump(),
                step.getKubeconfig(), step.getContext(), step.getOutput(), step.getSourceVersion(), step.getTargetVersion(), step.isForce());
        this.awsCredentialsId = step.getAwsCredentialsId();
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        EksInventoryCallable work = callable(); // before the workspace is asked for: parameters and credentials fail first
        try {
            return getContext().get(FilePath.class).act(work);
        } catch (AbortException e) {
            throw masked.masked(e);
        }
    }

    /** Checks the parameters and resolves the credential here, on the controller: the work for the agent. */
    EksInventoryCallable callable() throws Exception {
        InventorySpec.Source source;
        try {
            source = parameters.options().check(EksInventoryCallable.NAMES);
        } catch (MigrationException e) {
            throw StepFailure.of("eksInventory", e);
        }
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        AwsKeys keys = null;
        if (source == InventorySpec.Source.CLUSTER) {
            keys = credentials.aws("eksInventory", awsCredentialsId, context.get(Run.class), env);
            listener.getLogger().println("[inventory] AWS credentials: " + (keys == null ? "the default chain of the agent" : keys.source()));
        }
        masked = MaskingListener.over(listener, keys, null);
        return new EksInventoryCallable(parameters, keys, StepCredentials.settings(env), masked);
    }
}
