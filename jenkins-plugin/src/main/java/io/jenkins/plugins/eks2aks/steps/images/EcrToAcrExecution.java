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
    /** Non-secret settings the engine reads, passed on from the step's environment. */
    static final String[] SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_ECR", "AWS_ENDPOINT_URL_STS", "AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT",
            "AZURE_SUBSCRIPTION_ID", "AZURE_TENANT_ID"};

    private final transient EcrToAcrStep step;
    private final transient StepCredentials credentials;

    EcrToAcrExecution(StepContext context, EcrToAcrStep step, StepCredentials credentials) {
        super(context);
        this.step = step;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        if (step.getTo().isEmpty()) {
            throw new AbortException("ecrToAcr: 'to' is required: the target registry, e.g. contoso.azurecr.io");
        }
        ArrayList<String> repositories = new ArrayList<>(StepParameters.entries(step.getRepositories()));
        if (step.getImages() == null && step.getImagesFile() == null && repositories.isEmpty()) {
            throw new AbortException("ecrToAcr: give 'images' (references), 'imagesFile' (e.g. the image list eksInventory wrote) "
                    + "or 'repositories' (e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*)");
        }
        // Checked here, so a typo fails before an agent is used; the agent parses them again from plain values.
        EcrToAcrCallable.selections(repositories, step.getTagPattern(), step.getNewestTags(), step.isAllTags());
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        AwsKeys aws = credentials.aws("ecrToAcr", step.getAwsCredentialsId(), run, env);
        AzureKeys azure = credentials.azure("ecrToAcr", step.getAzureCredentialsId(), run, env);
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
        EcrToAcrCallable.Parameters parameters = new EcrToAcrCallable.Parameters(new ArrayList<>(StepParameters.entries(step.getImages())),
                step.getImagesFile(), step.getTo(), step.getMode(), step.getParallel(), step.isDryRun(), step.isForce(),
                step.isReferrers(), step.getResourceGroup(), step.getSubscription(), new ArrayList<>(StepParameters.entries(step.getPlainHttp())),
                step.getOutput(), repositories, step.getTagPattern(), step.getNewestTags(), step.isAllTags());
        HashMap<String, Object> summary;
        try {
            summary = context.get(FilePath.class).act(new EcrToAcrCallable(parameters, aws, azure, settings, listener));
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        int failures = ((Number) summary.get("failed")).intValue();
        if (failures > 0 && step.isFailFast()) {
            throw new AbortException("ecrToAcr: " + failures + " images failed; see " + summary.get("reportMarkdown"));
        }
        if (failures > 0) {
            listener.getLogger().println("[images] " + failures + " images failed: build marked UNSTABLE (failFast: false)");
            context.setResult(Result.UNSTABLE);
        }
        return summary;
    }
}
