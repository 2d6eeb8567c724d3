package io.jenkins.plugins.eks2aks.steps.preflight;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.reports.MigrationReportsAction;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.Map;

/** Runs {@code aksPreflight}: resolves the Azure credential on the controller, checks on the agent, returns the Map. */
final class AksPreflightExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's values (never the step itself): what the agent gets, which credential to resolve, how to end. */
    private final AksPreflightCallable.Parameters parameters;
    private final String azureCredentialsId;
    private final boolean failOnNotReady;
    /** A service, not a value: after a restart the step fails anyway (a synchronous step does not resume). */
    private final transient StepCredentials credentials;
    /** The build log masked over the resolved secrets, once {@link #callable()} resolved them. */
    private transient MaskingListener masked;

    AksPreflightExecution(StepContext context, AksPreflightStep step, StepCredentials credentials) {
        super(context);
        this.parameters = new AksPreflightCallable.Parameters(step.getResourceGroup(), step.getCluster(), step.getSubscription(),
                step.getKubeconfig(), step.getContext(), step.getInventory(), step.getSourceVersion(), step.getIngress(), step.getAcr(),
                step.getVeleroNamespace(), step.getOutput(), step.isForce());
        this.azureCredentialsId = step.getAzureCredentialsId();
        this.failOnNotReady = step.isFailOnNotReady();
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        AksPreflightCallable work = callable(); // before the workspace is asked for: parameters and credentials fail first
        StepContext context = getContext();
        HashMap<String, Object> result;
        try {
            result = context.get(FilePath.class).act(work);
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        MigrationReportsAction.record(context.get(Run.class), "aksPreflight", result, context.get(FilePath.class).getRemote());
        if (!Boolean.TRUE.equals(result.get("ready"))) {
            String failed = String.join(", ", (Iterable<String>) result.get("failedChecks"));
            if (failOnNotReady) {
                throw new AbortException("aksPreflight: the target is not ready: " + failed + " failed; see " + result.get("reportMarkdown"));
            }
            masked.getLogger().println("[preflight] " + failed + " failed: build marked UNSTABLE (fixes in "
                    + result.get("reportMarkdown") + ")");
            context.setResult(Result.UNSTABLE);
        }
        return result;
    }

    /** Checks the parameters and resolves the credential here, on the controller: the work for the agent. */
    AksPreflightCallable callable() throws Exception {
        try {
            parameters.options().check(AksPreflightCallable.NAMES);
        } catch (MigrationException e) {
            throw StepFailure.of("aksPreflight", e);
        }
        StepContext context = getContext();
        EnvVars env = context.get(EnvVars.class);
        AzureKeys keys = null;
        HashMap<String, String> settings = StepCredentials.settings(env);
        if (parameters.options().readsArm()) {
            keys = credentials.azure("aksPreflight", azureCredentialsId, context.get(Run.class), env);
            if (keys == null) {
                throw new AbortException("aksPreflight: no Azure credentials: give azureCredentialsId or bind AZURE_CLIENT_ID, "
                        + "AZURE_CLIENT_SECRET and AZURE_TENANT_ID with withCredentials([azureServicePrincipal(...)])");
            }
            keys.cloud(settings);
        }
        masked = MaskingListener.over(context.get(TaskListener.class), null, keys);
        return new AksPreflightCallable(parameters, keys, settings, masked);
    }
}
