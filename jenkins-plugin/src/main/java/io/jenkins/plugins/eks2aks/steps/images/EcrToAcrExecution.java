package io.jenkins.plugins.eks2aks.steps.images;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.ResumedRun;
import io.jenkins.plugins.eks2aks.steps.StepParameters;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.reports.MigrationReportsAction;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code ecrToAcr}: resolves the credentials on the controller, runs the migration on the agent with only
 * derived values, and turns failed images into a failed step (or an UNSTABLE build with {@code failFast: false}).
 */
final class EcrToAcrExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's values (never the step itself): what the agent gets, which credentials to resolve, how to end. */
    private final EcrToAcrCallable.Parameters parameters;
    private final String awsCredentialsId;
    private final String azureCredentialsId;
    private final boolean failFast;
    /** A service, not a value: after a restart (see {@link #onResume}) Jenkins' store is used. */
    private transient StepCredentials credentials;
    /** The build log masked over the resolved secrets, once {@link #callable()} resolved them. */
    private transient MaskingListener masked;
    private transient volatile Thread resumed;

    EcrToAcrExecution(StepContext context, EcrToAcrStep step, StepCredentials credentials) {
        super(context);
        this.parameters = new EcrToAcrCallable.Parameters(new ArrayList<>(StepParameters.entries(step.getImages())),
                step.getImagesFile(), step.getTo(), step.getMode(), step.getParallel(), step.isDryRun(), step.isForce(),
                step.isReferrers(), step.getResourceGroup(), step.getSubscription(), new ArrayList<>(StepParameters.entries(step.getPlainHttp())),
                step.getOutput(), new ArrayList<>(StepParameters.entries(step.getRepositories())), step.getTagPattern(),
                step.getNewestTags(), step.isAllTags());
        this.awsCredentialsId = step.getAwsCredentialsId();
        this.azureCredentialsId = step.getAzureCredentialsId();
        this.failFast = step.isFailFast();
        this.credentials = credentials;
    }

    /**
     * After a controller restart the copy runs again from its persisted plain values, with the credentials resolved
     * again: images and blobs the target already holds are skipped, so it resumes where it stopped instead of failing
     * the step as SynchronousNonBlockingStepExecution would.
     */
    @Override
    public void onResume() {
        resumed = ResumedRun.start(getContext(), "ecrToAcr " + parameters.to(), "[images] resumed after a controller restart: "
                + "what " + parameters.to() + " already holds is skipped", this::run);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Thread worker = resumed;
        if (worker != null) {
            worker.interrupt();
        }
        super.stop(cause);
    }

    /** The worker of a resumed copy (tests wait for it). */
    Thread resumedWorker() {
        return resumed;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        if (credentials == null) {
            credentials = StepCredentials.jenkins();
        }
        EcrToAcrCallable work = callable(); // before the workspace is asked for: parameters and credentials fail first
        StepContext context = getContext();
        HashMap<String, Object> summary;
        try {
            summary = context.get(FilePath.class).act(work);
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        MigrationReportsAction.record(context.get(Run.class), "ecrToAcr", summary, context.get(FilePath.class).getRemote());
        int failures = ((Number) summary.get("failed")).intValue();
        if (failures > 0 && failFast) {
            throw new AbortException("ecrToAcr: " + failures + " images failed; see " + summary.get("reportMarkdown"));
        }
        if (failures > 0) {
            masked.getLogger().println("[images] " + failures + " images failed: build marked UNSTABLE (failFast: false)");
            context.setResult(Result.UNSTABLE);
        }
        return summary;
    }

    /** Checks the parameters and resolves the credentials here, on the controller: the work for the agent. */
    EcrToAcrCallable callable() throws Exception {
        // Checked here, so a typo fails before an agent is used; the agent checks the same plain values again.
        parameters.check();
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        AwsKeys aws = credentials.aws("ecrToAcr", awsCredentialsId, run, env);
        AzureKeys azure = credentials.azure("ecrToAcr", azureCredentialsId, run, env);
        masked = MaskingListener.over(listener, aws, azure);
        listener = masked;
        listener.getLogger().println("[images] AWS credentials: " + (aws == null ? "the default chain of the agent" : aws.source())
                + "; Azure credentials: " + (azure == null ? "none" : azure.source()));
        HashMap<String, String> settings = StepCredentials.settings(env);
        if (azure != null) {
            azure.cloud(settings);
        }
        return new EcrToAcrCallable(parameters, aws, azure, settings, listener);
    }
}
