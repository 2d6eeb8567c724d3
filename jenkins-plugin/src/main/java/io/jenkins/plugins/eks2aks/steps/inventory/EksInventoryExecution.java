package io.jenkins.plugins.eks2aks.steps.inventory;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.reports.MigrationReportsAction;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code eksInventory}: checks the parameters and resolves the AWS credential on the controller, then runs
 * the inventory on the agent with only derived values. Returns the summary Map.
 */
final class EksInventoryExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;
    /** Non-secret AWS settings the engine reads, passed on from the step's environment. */
    static final String[] AWS_SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_EKS", "AWS_ENDPOINT_URL_STS"};

    private final transient EksInventoryStep step;
    private final transient StepCredentials credentials;

    EksInventoryExecution(StepContext context, EksInventoryStep step, StepCredentials credentials) {
        super(context);
        this.step = step;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        int sources = (step.getCluster() == null ? 0 : 1) + (step.getDump() == null ? 0 : 1) + (step.getKubeconfig() == null ? 0 : 1);
        if (sources != 1) {
            throw new AbortException("eksInventory: give exactly one of 'cluster' (live, with region), 'kubeconfig' or 'dump' (offline)");
        }
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        AwsKeys keys = null;
        HashMap<String, String> settings = new HashMap<>();
        if (step.getCluster() != null) {
            keys = credentials.aws("eksInventory", step.getAwsCredentialsId(), context.get(Run.class), env);
            for (String name : AWS_SETTINGS) {
                if (env.get(name) != null) {
                    settings.put(name, env.get(name));
                }
            }
            listener.getLogger().println("[inventory] AWS credentials: " + (keys == null ? "the default chain of the agent" : keys.source()));
        }
        MaskingListener masked = MaskingListener.over(listener, keys, null);
        listener = masked;
        EksInventoryCallable callable = new EksInventoryCallable(new EksInventoryCallable.Parameters(step.getCluster(), step.getRegion(),
                step.getDump(), step.getKubeconfig(), step.getContext(), step.getOutput(), step.getSourceVersion(),
                step.getTargetVersion()), keys, settings, listener);
        try {
            HashMap<String, Object> summary = context.get(FilePath.class).act(callable);
            MigrationReportsAction.record(context.get(Run.class), "eksInventory", summary, context.get(FilePath.class).getRemote());
            return summary;
        } catch (AbortException e) {
            throw masked.masked(e);
        }
    }
}
