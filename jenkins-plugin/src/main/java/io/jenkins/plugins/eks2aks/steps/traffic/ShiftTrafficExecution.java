package io.jenkins.plugins.eks2aks.steps.traffic;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.steps.StepParameters;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code shiftTraffic}: checks the parameters and resolves the credentials on the controller, shifts on the agent,
 * and fails the step when a health gate failed (the weights were rolled back), naming what failed.
 */
final class ShiftTrafficExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;
    /** Non-secret settings the engine reads, passed on from the step's environment. */
    static final String[] SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_ROUTE_53",
            "AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT", "AZURE_SUBSCRIPTION_ID", "AZURE_TENANT_ID"};

    private final transient ShiftTrafficStep step;
    private final transient StepCredentials credentials;

    ShiftTrafficExecution(StepContext context, ShiftTrafficStep step, StepCredentials credentials) {
        super(context);
        this.step = step;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        ShiftTrafficCallable.Parameters parameters = new ShiftTrafficCallable.Parameters(new ArrayList<>(StepParameters.entries(step.getHostnames())),
                step.getEksTarget(), step.getAksTarget(), step.getRoute53ZoneId(), step.getAzureDnsZone(), step.getTrafficManagerProfile(),
                step.getResourceGroup(), step.getSubscription(), step.getWeights(), step.getHold(), step.getHealthUrl(), step.getExpectStatus(),
                step.getLatencyBudget(), step.getPasses(), step.getProbeInterval(), step.getErrorRateUrl(), step.getMaxErrorRate(),
                step.getShiftTtl(), step.getTtl(), step.isDryRun(), step.isRollback(), step.getOutput());
        try {
            parameters.request(Path.of("")); // a wrong parameter fails here, before an agent is used
        } catch (MigrationException e) {
            throw new AbortException("shiftTraffic: " + e.getMessage());
        }
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        boolean route53 = step.getRoute53ZoneId() != null;
        AwsKeys aws = route53 ? credentials.aws("shiftTraffic", step.getAwsCredentialsId(), run, env) : null;
        AzureKeys azure = route53 ? null : credentials.azure("shiftTraffic", step.getAzureCredentialsId(), run, env);
        if (!route53 && azure == null) {
            throw new AbortException("shiftTraffic: no Azure credentials: give azureCredentialsId or bind AZURE_CLIENT_ID, "
                    + "AZURE_CLIENT_SECRET and AZURE_TENANT_ID with withCredentials([azureServicePrincipal(...)])");
        }
        MaskingListener masked = MaskingListener.over(listener, aws, azure);
        listener = masked;
        HashMap<String, String> settings = new HashMap<>();
        for (String name : SETTINGS) {
            if (env.get(name) != null) {
                settings.put(name, env.get(name));
            }
        }
        if (azure != null) {
            azure.cloud(settings);
        }
        listener.getLogger().println("[traffic] credentials: " + (route53 ? "AWS " + (aws == null ? "from the agent's default chain" : aws.source())
                : "Azure " + azure.source()));
        HashMap<String, Object> result;
        try {
            result = context.get(FilePath.class).act(new ShiftTrafficCallable(parameters, aws, azure, settings, listener));
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        if (!Boolean.TRUE.equals(result.get("succeeded"))) {
            throw new AbortException("shiftTraffic: " + result.get("summary") + "; see " + result.get("reportMarkdown"));
        }
        return result;
    }
}
