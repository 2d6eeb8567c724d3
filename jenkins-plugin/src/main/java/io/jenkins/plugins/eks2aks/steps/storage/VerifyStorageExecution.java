package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code verifyStorage} on the agent and fails the step, naming the first findings, when the gate does not pass. */
final class VerifyStorageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient VerifyStorageStep step;
    private final transient StepCredentials credentials;

    VerifyStorageExecution(StepContext context, VerifyStorageStep step, StepCredentials credentials) {
        super(context);
        this.step = step;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StorageStepParameters.require("verifyStorage", step.getSource(), step.getDestination());
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        AwsKeys aws = step.getSource().startsWith("s3://") ? credentials.aws("verifyStorage", step.getAwsCredentialsId(), run, env) : null;
        AzureKeys azure = credentials.azure("verifyStorage", step.getAzureCredentialsId(), run, env);
        StorageKeys keys = new StorageKeys(aws, azure, env);
        MaskingListener masked = MaskingListener.over(MaskingListener.over(listener, aws, azure), keys.storageSecrets());
        listener = masked;
        listener.getLogger().println("[verify-storage] credentials: " + keys.describe());
        VerifyStorageCallable.Parameters parameters = new VerifyStorageCallable.Parameters(step.getSource(), step.getDestination(),
                step.getSampleRate(), step.getVeleroBackup(), step.getParallel(), step.getRegion(), step.isS3PathStyle(),
                step.getOutput(), step.isForce());
        HashMap<String, Object> summary;
        try {
            summary = context.get(FilePath.class).act(new VerifyStorageCallable(parameters, keys, listener));
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        if (!Boolean.TRUE.equals(summary.get("passed"))) {
            List<?> findings = (List<?>) summary.get("findings");
            String first = findings.isEmpty() ? "the source holds no objects" : findings.size() + " problems, first: "
                    + ((Map<?, ?>) findings.get(0)).get("kind") + " " + ((Map<?, ?>) findings.get(0)).get("name");
            throw new AbortException("verifyStorage: the destination does not hold the whole source (" + first + "); see "
                    + summary.get("reportJunit"));
        }
        return summary;
    }
}
