package io.jenkins.plugins.eks2aks.steps.storage;

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

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code azcopySync}: credentials resolved on the controller, the copy on the agent with only derived values;
 * objects not copied fail the step (or make the build UNSTABLE with {@code failFast: false}); an empty source fails it.
 */
final class AzcopySyncExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /**
     * The step's plain values (never the step, never a secret): what a resumed run needs. Fields, not the callable's
     * Parameters record: the program state's marshaller restores plain classes, and records only from newer versions.
     */
    private final String source;
    private final String destination;
    private final String engine;
    private final int parallel;
    private final int blockSize;
    private final boolean dryRun;
    private final String azcopy;
    private final String region;
    private final boolean s3PathStyle;
    private final String output;
    private final boolean force;
    private final String awsCredentialsId;
    private final String azureCredentialsId;
    private final boolean failFast;
    /** A service, not a value: after a restart (see {@link #onResume}) Jenkins' store is used. */
    private transient StepCredentials credentials;
    private transient volatile Thread resumed;

    AzcopySyncExecution(StepContext context, AzcopySyncStep step, StepCredentials credentials) {
        super(context);
        this.source = step.getSource();
        this.destination = step.getDestination();
        this.engine = step.getEngine();
        this.parallel = step.getParallel();
        this.blockSize = step.getBlockSize();
        this.dryRun = step.isDryRun();
        this.azcopy = step.getAzcopy();
        this.region = step.getRegion();
        this.s3PathStyle = step.isS3PathStyle();
        this.output = step.getOutput();
        this.force = step.isForce();
        this.awsCredentialsId = step.getAwsCredentialsId();
        this.azureCredentialsId = step.getAzureCredentialsId();
        this.failFast = step.isFailFast();
        this.credentials = credentials;
    }

    /**
     * After a controller restart the copy runs again from its persisted values, with the credentials resolved again:
     * objects the destination already holds unchanged are skipped and a large object's staged blocks are reused.
     */
    @Override
    public void onResume() {
        resumed = ResumedRun.start(getContext(), "azcopySync " + destination, "[sync-storage] resumed after a controller "
                + "restart: what " + destination + " already holds is skipped", this::run);
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
        StorageStepParameters.require("azcopySync", source, destination);
        AzcopySyncCallable.Parameters parameters = new AzcopySyncCallable.Parameters(source, destination, engine, parallel, blockSize,
                dryRun, azcopy, region, s3PathStyle, output, force);
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        AwsKeys aws = source.startsWith("s3://") ? credentials.aws("azcopySync", awsCredentialsId, run, env) : null;
        AzureKeys azure = credentials.azure("azcopySync", azureCredentialsId, run, env);
        StorageKeys keys = new StorageKeys(aws, azure, env);
        MaskingListener masked = MaskingListener.over(MaskingListener.over(listener, aws, azure), keys.storageSecrets());
        listener = masked;
        listener.getLogger().println("[sync-storage] credentials: " + keys.describe());
        HashMap<String, Object> summary;
        try {
            summary = context.get(FilePath.class).act(new AzcopySyncCallable(parameters, keys, listener));
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        if (((Number) summary.get("objects")).longValue() == 0) {
            throw new AbortException("azcopySync: the source " + source + " holds no objects: check the bucket, the prefix "
                    + "and the region");
        }
        int failed = ((Number) summary.get("failed")).intValue();
        if (failed > 0 && failFast) {
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
