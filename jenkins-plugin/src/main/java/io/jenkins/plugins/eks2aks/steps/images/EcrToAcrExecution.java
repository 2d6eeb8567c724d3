package io.jenkins.plugins.eks2aks.steps.images;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.StepParameters;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.reports.MigrationReportsAction;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code ecrToAcr}: resolves the credentials on the controller, runs the migration on the agent with only
 * derived values, and turns failed images into a failed step (or an UNSTABLE build with {@code failFast: false}).
 */
final class EcrToAcrExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;
    /** Non-secret settings the engine reads, passed on from the step's environment. */
    static final String[] SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_ECR", "AWS_ENDPOINT_URL_STS", "AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT",
            "AZURE_SUBSCRIPTION_ID", "AZURE_TENANT_ID"};

    /**
     * What the execution keeps across a controller restart: the step's parameters as plain values and the credential
     * ids, never a secret (credentials are resolved again when it resumes).
     */
    record Persisted(EcrToAcrCallable.Parameters parameters, String awsCredentialsId, String azureCredentialsId, boolean failFast,
                     boolean imagesGiven) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Persisted of(EcrToAcrStep step) {
            return new Persisted(new EcrToAcrCallable.Parameters(new ArrayList<>(StepParameters.entries(step.getImages())),
                    step.getImagesFile(), step.getTo(), step.getMode(), step.getParallel(), step.isDryRun(), step.isForce(),
                    step.isReferrers(), step.getResourceGroup(), step.getSubscription(), new ArrayList<>(StepParameters.entries(step.getPlainHttp())),
                    step.getOutput(), new ArrayList<>(StepParameters.entries(step.getRepositories())), step.getTagPattern(),
                    step.getNewestTags(), step.isAllTags()), step.getAwsCredentialsId(), step.getAzureCredentialsId(), step.isFailFast(),
                    step.getImages() != null);
        }
    }

    private final Persisted persisted;
    private transient StepCredentials credentials;
    private transient volatile Thread resumed;

    EcrToAcrExecution(StepContext context, EcrToAcrStep step, StepCredentials credentials) {
        super(context);
        this.persisted = Persisted.of(step);
        this.credentials = credentials;
    }

    /**
     * After a controller restart the copy runs again from its persisted parameters, with the credentials resolved
     * again: images and blobs the target already holds are skipped, so it resumes where it stopped instead of failing
     * the step as SynchronousNonBlockingStepExecution would.
     */
    @Override
    public void onResume() {
        StepContext context = getContext();
        Thread worker = new Thread(() -> {
            try {
                context.get(TaskListener.class).getLogger().println("[images] resumed after a controller restart: "
                        + "what " + persisted.parameters().to() + " already holds is skipped");
                context.onSuccess(run());
            } catch (Throwable t) {
                context.onFailure(t);
            }
        }, "ecrToAcr resumed: " + persisted.parameters().to());
        worker.setDaemon(true);
        resumed = worker;
        worker.start();
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
        EcrToAcrCallable.Parameters p = persisted.parameters();
        if (credentials == null) {
            credentials = StepCredentials.jenkins();
        }
        if (p.to().isEmpty()) {
            throw new AbortException("ecrToAcr: 'to' is required: the target registry, e.g. contoso.azurecr.io");
        }
        ArrayList<String> repositories = p.repositories();
        if (!persisted.imagesGiven() && p.imagesFile() == null && repositories.isEmpty()) {
            throw new AbortException("ecrToAcr: give 'images' (references), 'imagesFile' (e.g. the image list eksInventory wrote) "
                    + "or 'repositories' (e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*)");
        }
        // Checked here, so a typo fails before an agent is used; the agent parses them again from plain values.
        EcrToAcrCallable.selections(repositories, p.tagPattern(), p.newestTags(), p.allTags());
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        AwsKeys aws = credentials.aws("ecrToAcr", persisted.awsCredentialsId(), run, env);
        AzureKeys azure = credentials.azure("ecrToAcr", persisted.azureCredentialsId(), run, env);
        MaskingListener masked = MaskingListener.over(listener, aws, azure);
        listener = masked;
        listener.getLogger().println("[images] AWS credentials: " + (aws == null ? "the default chain of the agent" : aws.source())
                + "; Azure credentials: " + (azure == null ? "none" : azure.source()));
        HashMap<String, String> settings = new HashMap<>();
        for (String name : SETTINGS) {
            if (env.get(name) != null) {
                settings.put(name, env.get(name));
            }
        }
        HashMap<String, Object> summary;
        try {
            summary = context.get(FilePath.class).act(new EcrToAcrCallable(p, aws, azure, settings, listener));
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        MigrationReportsAction.record(run, "ecrToAcr", summary, context.get(FilePath.class).getRemote());
        int failures = ((Number) summary.get("failed")).intValue();
        if (failures > 0 && persisted.failFast()) {
            throw new AbortException("ecrToAcr: " + failures + " images failed; see " + summary.get("reportMarkdown"));
        }
        if (failures > 0) {
            listener.getLogger().println("[images] " + failures + " images failed: build marked UNSTABLE (failFast: false)");
            context.setResult(Result.UNSTABLE);
        }
        return summary;
    }
}
