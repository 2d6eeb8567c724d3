package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code azcopySync}: credentials resolved on the controller, the copy on the agent with only derived values;
 * objects not copied fail the step (or make the build UNSTABLE with {@code failFast: false}); an empty source fails it.
 */
final class AzcopySyncExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient AzcopySyncStep step;
    private final transient StepCredentials credentials;

    AzcopySyncExecution(StepContext context, AzcopySyncStep step, StepCredentials credentials) {
        super(context);
        this.step = step;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StorageStepParameters.require("azcopySync", step.getSource(), step.getDestination());
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        AwsKeys aws = step.getSource().startsWith("s3://") ? credentials.aws("azcopySync", step.getAwsCredentialsId(), run, env) : null;
        AzureKeys azure = credentials.azure("azcopySync", step.getAzureCredentialsId(), run, env);
        StorageKeys keys = new StorageKeys(aws, azure, env);
        MaskingListener masked = MaskingListener.over(MaskingListener.over(listener, aws, azure), keys.storageSecrets());
        listener = masked;
        listener.getLogger().println("[sync-storage] credentials: " + keys.describe());
        AzcopySyncCallable.Parameters parameters = new AzcopySyncCallable.Parameters(step.getSource(), step.getDestination(),
                step.getEngine(), step.getParallel(), step.getBlockSize(), step.isDryRun(), step.getAzcopy(), step.getRegion(),
                step.isS3PathStyle(), step.getOutput(), step.isForce());
        HashMap<String, Object> summary;
        try {
            summary = context.get(FilePath.class).act(new AzcopySyncCallable(parameters, keys, listener));
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        if (((Number) summary.get("objects")).longValue() == 0) {
            throw new AbortException("azcopySync: the source " + step.getSource() + " holds no objects: check the bucket, the prefix "
                    + "and the region");
        }
        int failed = ((Number) summary.get("failed")).intValue();
        if (failed > 0 && step.isFailFast()) {
            throw new AbortException("azcopySync: " + failed + " objects were not copied (first: " + summary.get("firstFailure")
                    + "); run again to retry them, see " + summary.get("reportMarkdown"));
        }
        if (failed > 0) {
            listener.getLogger().println("[sync-storage] " + failed + " objects not copied: build marked UNSTABLE (failFast: false)");
            context.setResult(Result.UNSTABLE);
        }
        return summary;
    }
}
