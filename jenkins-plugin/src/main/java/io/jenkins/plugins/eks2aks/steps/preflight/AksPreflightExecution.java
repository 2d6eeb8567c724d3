package io.jenkins.plugins.eks2aks.steps.preflight;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.FieldChecks;
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
    static final String[] AZURE_SETTINGS = {"AZURE_SUBSCRIPTION_ID", "AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT"};

    private final transient AksPreflightStep step;
    private final transient StepCredentials credentials;

    AksPreflightExecution(StepContext context, AksPreflightStep step, StepCredentials credentials) {
        super(context);
        this.step = step;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        if ((step.getResourceGroup() == null) != (step.getCluster() == null)) {
            throw new AbortException("aksPreflight: give both 'resourceGroup' and 'cluster' to read the AKS cluster from Azure, or neither");
        }
        if (step.getCluster() == null && step.getKubeconfig() == null) {
            throw new AbortException("aksPreflight: give the AKS cluster ('resourceGroup' and 'cluster'), a 'kubeconfig', or both");
        }
        if (step.getIngress() != null && !FieldChecks.PREFLIGHT_INGRESS.contains(step.getIngress())) {
            throw new AbortException("aksPreflight: unknown ingress '" + step.getIngress() + "': expected app-routing, agc, agic or nginx");
        }
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        AzureKeys keys = null;
        HashMap<String, String> settings = new HashMap<>();
        if (step.getCluster() != null) {
            keys = credentials.azure("aksPreflight", step.getAzureCredentialsId(), context.get(Run.class), env);
            if (keys == null) {
                throw new AbortException("aksPreflight: no Azure credentials: give azureCredentialsId or bind AZURE_CLIENT_ID, "
                        + "AZURE_CLIENT_SECRET and AZURE_TENANT_ID with withCredentials([azureServicePrincipal(...)])");
            }
            for (String name : AZURE_SETTINGS) {
                if (env.get(name) != null) {
                    settings.put(name, env.get(name));
                }
            }
            if (keys.resourceManagerEndpoint() != null) {
                settings.putIfAbsent("AZURE_RESOURCE_MANAGER_ENDPOINT", keys.resourceManagerEndpoint());
            }
        }
        MaskingListener masked = MaskingListener.over(listener, null, keys);
        listener = masked;
        AksPreflightCallable callable = new AksPreflightCallable(new AksPreflightCallable.Parameters(step.getResourceGroup(),
                step.getCluster(), step.getSubscription(), step.getKubeconfig(), step.getContext(), step.getInventory(),
                step.getSourceVersion(), step.getIngress(), step.getAcr(), step.getVeleroNamespace(), step.getOutput()),
                keys, settings, listener);
        HashMap<String, Object> result;
        try {
            result = context.get(FilePath.class).act(callable);
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        MigrationReportsAction.record(context.get(Run.class), "aksPreflight", result, context.get(FilePath.class).getRemote());
        if (!Boolean.TRUE.equals(result.get("ready"))) {
            String failed = String.join(", ", (Iterable<String>) result.get("failedChecks"));
            if (step.isFailOnNotReady()) {
                throw new AbortException("aksPreflight: the target is not ready: " + failed + " failed; see " + result.get("reportMarkdown"));
            }
            listener.getLogger().println("[preflight] " + failed + " failed: build marked UNSTABLE (fixes in " + result.get("reportMarkdown") + ")");
            context.setResult(Result.UNSTABLE);
        }
        return result;
    }
}
