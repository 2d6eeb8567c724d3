package io.jenkins.plugins.eks2aks.steps.inventory;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.eks2aks.steps.FieldChecks;
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
 * {@code eksInventory}: inventories the source EKS cluster (live with {@code cluster}, from a workspace
 * {@code kubeconfig}, or offline from a {@code dump}) into {@code output}, and returns a summary Map.
 */
public final class EksInventoryStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/inventory";

    private String cluster;
    private String region;
    private String dump;
    private String kubeconfig;
    private String context;
    private String output = DEFAULT_OUTPUT;
    private String sourceVersion;
    private String targetVersion;
    private String awsCredentialsId;
    private boolean force;
    /** Where credentials come from; tests replace Jenkins' store. */
    transient StepCredentials credentials = StepCredentials.jenkins();

    @DataBoundConstructor
    public EksInventoryStep() {
    }

    public String getCluster() {
        return cluster;
    }

    /** Live: the EKS cluster name. */
    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Util.fixEmptyAndTrim(cluster);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getDump() {
        return dump;
    }

    /** Offline: a cluster dump in the workspace. */
    @DataBoundSetter
    public void setDump(String dump) {
        this.dump = Util.fixEmptyAndTrim(dump);
    }

    public String getKubeconfig() {
        return kubeconfig;
    }

    @DataBoundSetter
    public void setKubeconfig(String kubeconfig) {
        this.kubeconfig = Util.fixEmptyAndTrim(kubeconfig);
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), DEFAULT_OUTPUT);
    }

    public String getSourceVersion() {
        return sourceVersion;
    }

    @DataBoundSetter
    public void setSourceVersion(String sourceVersion) {
        this.sourceVersion = Util.fixEmptyAndTrim(sourceVersion);
    }

    public String getTargetVersion() {
        return targetVersion;
    }

    @DataBoundSetter
    public void setTargetVersion(String targetVersion) {
        this.targetVersion = Util.fixEmptyAndTrim(targetVersion);
    }

    public String getAwsCredentialsId() {
        return awsCredentialsId;
    }

    @DataBoundSetter
    public void setAwsCredentialsId(String awsCredentialsId) {
        this.awsCredentialsId = Util.fixEmptyAndTrim(awsCredentialsId);
    }

    public boolean isForce() {
        return force;
    }

    /** Replace the output folder even though eks2aks did not write it (it holds other files). */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new EksInventoryExecution(context, this, credentials);
    }


    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        /** The {@code awsCredentialsId} drop-down: only the credential types the step can use, for users allowed to see them. */
        @POST
        public ListBoxModel doFillAwsCredentialsIdItems(@AncestorInPath AccessControlled context, @QueryParameter String awsCredentialsId) {
            return CredentialsChoices.aws(context, awsCredentialsId);
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // The reports are written in the agent's workspace; credentials are resolved for the build.
            return Set.of(FilePath.class, TaskListener.class, Run.class, EnvVars.class);
        }

        @Override
        public String getFunctionName() {
            return "eksInventory";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("EksInventoryStep.DisplayName");
        }

        // Form validation (snippet generator): the engine's own checks of each value, so the form and the build agree.
        public FormValidation doCheckSourceVersion(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.kubernetesVersion(value, "sourceVersion"));
        }

        public FormValidation doCheckTargetVersion(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.kubernetesVersion(value, "targetVersion"));
        }
    }
}
