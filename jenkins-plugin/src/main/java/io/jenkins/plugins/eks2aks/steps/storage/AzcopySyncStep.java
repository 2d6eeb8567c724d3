package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.AccessControlled;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.eks2aks.steps.Messages;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsChoices;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Objects;
import java.util.Set;

/**
 * {@code azcopySync}: the backup bucket (or a folder in the workspace) into a blob container, with the java engine or
 * AzCopy, and a summary Map back. Safe to re-run: unchanged objects are skipped, a killed run resumes.
 */
public final class AzcopySyncStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/storage";

    private final String source;
    private final String destination;
    private String engine;
    private int parallel = 8;
    private int blockSize = 8;
    private boolean dryRun;
    private String azcopy;
    private String region;
    private boolean s3PathStyle;
    private String awsCredentialsId;
    private String azureCredentialsId;
    private String output = DEFAULT_OUTPUT;
    private boolean force;
    private boolean failFast = true;

    /**
     * @param source      {@code s3://BUCKET[/PREFIX]} or a folder in the workspace
     * @param destination {@code https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX]}
     */
    @DataBoundConstructor
    public AzcopySyncStep(String source, String destination) {
        this.source = source == null ? "" : source.trim();
        this.destination = destination == null ? "" : destination.trim();
    }

    public String getSource() {
        return source;
    }

    public String getDestination() {
        return destination;
    }

    public String getEngine() {
        return engine;
    }

    /** {@code java} (default) or {@code azcopy}. */
    @DataBoundSetter
    public void setEngine(String engine) {
        this.engine = Util.fixEmptyAndTrim(engine);
    }

    public int getParallel() {
        return parallel;
    }

    @DataBoundSetter
    public void setParallel(int parallel) {
        this.parallel = parallel;
    }

    public int getBlockSize() {
        return blockSize;
    }

    /** MiB per block of the java engine. */
    @DataBoundSetter
    public void setBlockSize(int blockSize) {
        this.blockSize = blockSize;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getAzcopy() {
        return azcopy;
    }

    @DataBoundSetter
    public void setAzcopy(String azcopy) {
        this.azcopy = Util.fixEmptyAndTrim(azcopy);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public boolean isS3PathStyle() {
        return s3PathStyle;
    }

    @DataBoundSetter
    public void setS3PathStyle(boolean s3PathStyle) {
        this.s3PathStyle = s3PathStyle;
    }

    public String getAwsCredentialsId() {
        return awsCredentialsId;
    }

    @DataBoundSetter
    public void setAwsCredentialsId(String awsCredentialsId) {
        this.awsCredentialsId = Util.fixEmptyAndTrim(awsCredentialsId);
    }

    public String getAzureCredentialsId() {
        return azureCredentialsId;
    }

    @DataBoundSetter
    public void setAzureCredentialsId(String azureCredentialsId) {
        this.azureCredentialsId = Util.fixEmptyAndTrim(azureCredentialsId);
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), DEFAULT_OUTPUT);
    }

    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public boolean isFailFast() {
        return failFast;
    }

    /** true (default): any object not copied fails the step; false: the build becomes UNSTABLE. */
    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new AzcopySyncExecution(context, this, StepCredentials.jenkins());
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        /** The {@code awsCredentialsId} drop-down: only the credential types the step can use, for users allowed to see them. */
        @POST
        public ListBoxModel doFillAwsCredentialsIdItems(@AncestorInPath AccessControlled context, @QueryParameter String awsCredentialsId) {
            return CredentialsChoices.aws(context, awsCredentialsId);
        }

        /** The {@code azureCredentialsId} drop-down: only the credential types the step can use, for users allowed to see them. */
        @POST
        public ListBoxModel doFillAzureCredentialsIdItems(@AncestorInPath AccessControlled context, @QueryParameter String azureCredentialsId) {
            return CredentialsChoices.azure(context, azureCredentialsId);
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, TaskListener.class, Run.class, EnvVars.class);
        }

        @Override
        public String getFunctionName() {
            return "azcopySync";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("AzcopySyncStep.DisplayName");
        }
    }
}
