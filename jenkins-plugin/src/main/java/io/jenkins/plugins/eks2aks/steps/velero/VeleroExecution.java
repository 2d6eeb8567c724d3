package io.jenkins.plugins.eks2aks.steps.velero;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.ResumedRun;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a Velero step: resolves the AWS (EKS) or Azure (AKS) credential on the controller, runs the use case on the
 * agent, and turns its outcome into the build's: PartiallyFailed marks the build UNSTABLE, a failed backup, restore
 * or check fails the step. What it keeps are names and parameters only (a re-run with the same names re-attaches to
 * the Backup or Restore instead of creating another).
 */
final class VeleroExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;
    static final String[] SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_EKS",
            "AWS_ENDPOINT_URL_STS", "AZURE_SUBSCRIPTION_ID", "AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT"};

    private final String function;
    private final VeleroCallable.Kind kind;
    /**
     * The cluster parameters as plain strings in {@link VeleroCallable.Cluster}'s order, not the record itself: the
     * program state's marshaller restores plain classes, and records only from newer versions of it.
     */
    private final String[] cluster;
    private final HashMap<String, Serializable> parameters;
    private final String awsCredentialsId;
    private final String azureCredentialsId;
    /** A service, not a value: after a restart (see {@link #onResume}) Jenkins' store is used. */
    private transient StepCredentials credentials;
    private transient volatile Thread resumed;

    VeleroExecution(StepContext context, String function, VeleroCallable.Kind kind, VeleroCallable.Cluster cluster,
                    HashMap<String, Serializable> parameters, String awsCredentialsId, String azureCredentialsId, StepCredentials credentials) {
        super(context);
        this.function = function;
        this.kind = kind;
        this.cluster = new String[] {cluster.kubeconfig(), cluster.context(), cluster.eksCluster(), cluster.region(),
                cluster.resourceGroup(), cluster.aksCluster(), cluster.subscription()};
        this.parameters = parameters;
        this.awsCredentialsId = awsCredentialsId;
        this.azureCredentialsId = azureCredentialsId;
        this.credentials = credentials;
    }

    /**
     * After a controller restart the step runs again from its persisted names and values, with the credentials
     * resolved again: the engine finds the Backup or Restore of that name and watches it (the Backup's name was fixed
     * when the step started, the Restore's derives from the backup), so nothing is created twice.
     */
    @Override
    public void onResume() {
        String object = switch (kind) {
            case BACKUP -> "re-attaching to Backup " + parameters.get("name");
            case RESTORE -> "re-attaching to the Restore of Backup " + parameters.get("backup");
            case VERIFY -> "checking again";
        };
        resumed = ResumedRun.start(getContext(), function, "[" + function + "] resumed after a controller restart: " + object, this::run);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Thread worker = resumed;
        if (worker != null) {
            worker.interrupt();
        }
        super.stop(cause);
    }

    /** The worker of a resumed step (tests wait for it). */
    Thread resumedWorker() {
        return resumed;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        if (credentials == null) {
            credentials = StepCredentials.jenkins();
        }
        VeleroCallable.Cluster cluster = new VeleroCallable.Cluster(this.cluster[0], this.cluster[1], this.cluster[2], this.cluster[3],
                this.cluster[4], this.cluster[5], this.cluster[6]);
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        AwsKeys aws = null;
        AzureKeys azure = null;
        HashMap<String, String> settings = new HashMap<>();
        for (String name : SETTINGS) {
            if (env.get(name) != null) {
                settings.put(name, env.get(name));
            }
        }
        if (cluster.eksCluster() != null) {
            aws = credentials.aws(function, awsCredentialsId, context.get(Run.class), env);
        }
        if (cluster.aksCluster() != null) {
            azure = credentials.azure(function, azureCredentialsId, context.get(Run.class), env);
            if (azure == null) {
                throw new AbortException(function + ": no Azure credentials: give azureCredentialsId or bind AZURE_CLIENT_ID, "
                        + "AZURE_CLIENT_SECRET and AZURE_TENANT_ID with withCredentials([azureServicePrincipal(...)])");
            }
            azure.cloud(settings);
        }
        MaskingListener masked = MaskingListener.over(listener, aws, azure);
        HashMap<String, Object> result;
        try {
            result = context.get(FilePath.class).act(new VeleroCallable(kind, cluster, parameters, aws, azure, settings, masked));
        } catch (AbortException e) {
            throw masked.masked(new AbortException(function + ": " + e.getMessage()));
        }
        Object exit = result.remove("exitCode");
        String message = String.valueOf(result.getOrDefault("message", result.get("summary")));
        if (Integer.valueOf(1).equals(exit)) {
            throw new AbortException(function + ": " + message);
        }
        if (Integer.valueOf(2).equals(exit)) {
            listener.getLogger().println("[" + function + "] " + message + ": build marked UNSTABLE");
            context.setResult(Result.UNSTABLE);
        }
        return result;
    }
}
