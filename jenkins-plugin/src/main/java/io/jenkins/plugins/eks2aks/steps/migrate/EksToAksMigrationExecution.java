package io.jenkins.plugins.eks2aks.steps.migrate;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.reports.MigrationReportsAction;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code eksToAksMigration}: checks the parameters and resolves the credentials on the controller, then runs the
 * migration on the agent with only derived values. A failed step fails the build, naming it.
 */
final class EksToAksMigrationExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's values (never the step itself). */
    private final EksToAksMigrationCallable.Parameters parameters;
    private final String awsCredentialsId;
    private final String azureCredentialsId;
    /** A service, not a value: after a restart the step fails anyway (a synchronous step does not resume). */
    private final transient StepCredentials credentials;
    private transient MaskingListener masked;

    EksToAksMigrationExecution(StepContext context, EksToAksMigrationStep step, StepCredentials credentials) {
        this(context, new EksToAksMigrationCallable.Parameters(step.getManifests(), step.getMappingFile(), step.getOutput(), step.isForce(),
                step.getFrom(), step.getUntil(), step.isDryRun(), step.getEksCluster(), step.getRegion(), step.getEksKubeconfig(),
                step.getEksContext(), step.getDump(), step.getResourceGroup(), step.getAksCluster(), step.getSubscription(),
                step.getAksKubeconfig(), step.getAksContext(), step.getAcr(), step.getImagesFile(), step.getImageMode(),
                step.getBackupName(), step.getNamespaces(), step.getVeleroNamespace(), step.getTimeout(), step.getStorageSource(),
                step.getStorageDestination(), step.getStorageAccount(), step.getContainer(), step.getStorageResourceGroup()),
                step.getAwsCredentialsId(), step.getAzureCredentialsId(), credentials);
    }

    EksToAksMigrationExecution(StepContext context, EksToAksMigrationCallable.Parameters parameters, String awsCredentialsId,
                               String azureCredentialsId, StepCredentials credentials) {
        super(context);
        this.parameters = parameters;
        this.awsCredentialsId = awsCredentialsId;
        this.azureCredentialsId = azureCredentialsId;
        this.credentials = credentials;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        EksToAksMigrationCallable work = callable(); // before the workspace is asked for: parameters and credentials fail first
        StepContext context = getContext();
        HashMap<String, Object> result;
        try {
            result = context.get(FilePath.class).act(work);
        } catch (AbortException e) {
            throw masked.masked(e);
        }
        MigrationReportsAction.record(context.get(Run.class), EksToAksMigrationCallable.STEP, result, context.get(FilePath.class).getRemote());
        Object failed = result.get("failedStep");
        if (failed != null) {
            throw new AbortException(EksToAksMigrationCallable.STEP + ": step " + failed + " failed (see " + result.get("report")
                    + "); to resume, " + EksToAksMigrationCallable.RESUME);
        }
        return result;
    }

    /** Checks the parameters here, on the controller, so a typo fails before an agent is used. */
    void check() throws AbortException {
        try {
            parameters.options().check(EksToAksMigrationCallable.NAMES);
        } catch (RuntimeException e) {
            throw StepFailure.of(EksToAksMigrationCallable.STEP, e);
        }
    }

    /** The work for the agent: parameters checked, credentials resolved on the controller. */
    EksToAksMigrationCallable callable() throws Exception {
        check();
        StepContext context = getContext();
        EnvVars env = context.get(EnvVars.class);
        Run<?, ?> run = context.get(Run.class);
        HashMap<String, String> settings = StepCredentials.settings(env);
        AwsKeys aws = credentials.aws(EksToAksMigrationCallable.STEP, awsCredentialsId, run, env);
        AzureKeys azure = credentials.azure(EksToAksMigrationCallable.STEP, azureCredentialsId, run, env);
        if (azure != null) {
            azure.cloud(settings);
        }
        masked = MaskingListener.over(context.get(TaskListener.class), aws, azure);
        return new EksToAksMigrationCallable(parameters, aws, azure, settings, masked);
    }
}
