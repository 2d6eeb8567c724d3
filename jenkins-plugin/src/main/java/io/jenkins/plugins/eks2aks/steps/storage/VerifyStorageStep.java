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
 * {@code verifyStorage}: the gate before {@code aksRestore}. Fails the step, naming the objects, when anything is
 * missing, truncated, different or extra; writes JSON, Markdown and JUnit XML for the {@code junit} step.
 */
public final class VerifyStorageStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/verify";

    private final String source;
    private final String destination;
    private double sampleRate = 1.0;
    private String veleroBackup;
    private int parallel = 8;
    private String region;
    private boolean s3PathStyle;
    private String awsCredentialsId;
    private String azureCredentialsId;
    private String output = DEFAULT_OUTPUT;
    private boolean force;

    @DataBoundConstructor
    public VerifyStorageStep(String source, String destination) {
        this.source = source == null ? "" : source.trim();
        this.destination = destination == null ? "" : destination.trim();
    }

    public String getSource() {
        return source;
    }

    public String getDestination() {
        return destination;
    }

    public double getSampleRate() {
        return sampleRate;
    }

    @DataBoundSetter
    public void setSampleRate(double sampleRate) {
        this.sampleRate = sampleRate;
    }

    public String getVeleroBackup() {
        return veleroBackup;
    }

    @DataBoundSetter
    public void setVeleroBackup(String veleroBackup) {
        this.veleroBackup = Util.fixEmptyAndTrim(veleroBackup);
    }

    public int getParallel() {
        return parallel;
    }

    @DataBoundSetter
    public void setParallel(int parallel) {
        this.parallel = parallel;
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

    @Override
    public StepExecution start(StepContext context) {
        return new VerifyStorageExecution(context, this, StepCredentials.jenkins());
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
            return "verifyStorage";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("VerifyStorageStep.DisplayName");
        }
    }
}
