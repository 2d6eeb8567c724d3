package io.jenkins.plugins.eks2aks.steps.images;

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
 * {@code ecrToAcr}: moves images to ACR digest-exact, by ACR import (default for an ACR target) or by copy, and
 * returns a summary Map. Credentials: {@code awsCredentialsId} and {@code azureCredentialsId}, or the AWS_* and
 * AZURE_* variables bound around the step.
 */
public final class EcrToAcrStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/images";

    private final String to;
    private String images;
    private String imagesFile;
    private String repositories;
    private String tagPattern;
    private int newestTags;
    private boolean allTags;
    private String mode;
    private int parallel = 8;
    private boolean dryRun;
    private boolean force;
    private boolean referrers = true;
    private String resourceGroup;
    private String subscription;
    private String plainHttp;
    private String awsCredentialsId;
    private String azureCredentialsId;
    private String output = DEFAULT_OUTPUT;
    private boolean failFast = true;

    /** @param to the target: {@code registry[/prefix]}, e.g. {@code contoso.azurecr.io} */
    @DataBoundConstructor
    public EcrToAcrStep(String to) {
        this.to = to == null ? "" : to.trim();
    }

    public String getTo() {
        return to;
    }

    public String getImages() {
        return images;
    }

    /** Image references, one per line or separated by commas. */
    @DataBoundSetter
    public void setImages(String images) {
        this.images = Util.fixEmptyAndTrim(images);
    }

    public String getImagesFile() {
        return imagesFile;
    }

    /** A file in the workspace with one reference per line, such as the image list eksInventory writes. */
    @DataBoundSetter
    public void setImagesFile(String imagesFile) {
        this.imagesFile = Util.fixEmptyAndTrim(imagesFile);
    }

    public String getRepositories() {
        return repositories;
    }

    /**
     * Images by repository, one per line or separated by commas: {@code REGISTRY/shop/web}, or {@code REGISTRY/shop/*}
     * for every repository under the prefix. Each gives its newest tag unless tagPattern, newestTags or allTags say
     * otherwise.
     */
    @DataBoundSetter
    public void setRepositories(String repositories) {
        this.repositories = Util.fixEmptyAndTrim(repositories);
    }

    public String getTagPattern() {
        return tagPattern;
    }

    /** With repositories: only tags this regular expression matches in full. */
    @DataBoundSetter
    public void setTagPattern(String tagPattern) {
        this.tagPattern = Util.fixEmptyAndTrim(tagPattern);
    }

    public int getNewestTags() {
        return newestTags;
    }

    /** With repositories: the N most recently pushed tags of each repository; 0 (the default) for no such limit. */
    @DataBoundSetter
    public void setNewestTags(int newestTags) {
        this.newestTags = newestTags;
    }

    public boolean isAllTags() {
        return allTags;
    }

    /** With repositories: every tag (that tagPattern matches), not only the newest. */
    @DataBoundSetter
    public void setAllTags(boolean allTags) {
        this.allTags = allTags;
    }

    public String getMode() {
        return mode;
    }

    /** {@code import} (ACR pulls; default for an ACR target) or {@code copy} (the agent streams). */
    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public int getParallel() {
        return parallel;
    }

    @DataBoundSetter
    public void setParallel(int parallel) {
        this.parallel = parallel;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public boolean isReferrers() {
        return referrers;
    }

    @DataBoundSetter
    public void setReferrers(boolean referrers) {
        this.referrers = referrers;
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    @DataBoundSetter
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = Util.fixEmptyAndTrim(resourceGroup);
    }

    public String getSubscription() {
        return subscription;
    }

    @DataBoundSetter
    public void setSubscription(String subscription) {
        this.subscription = Util.fixEmptyAndTrim(subscription);
    }

    public String getPlainHttp() {
        return plainHttp;
    }

    /** host:port of registries served over plain HTTP (test registries), separated by commas. */
    @DataBoundSetter
    public void setPlainHttp(String plainHttp) {
        this.plainHttp = Util.fixEmptyAndTrim(plainHttp);
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

    public boolean isFailFast() {
        return failFast;
    }

    /** true (default): any failed image fails the step; false: the build becomes UNSTABLE. */
    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }


    @Override
    public StepExecution start(StepContext context) {
        return new EcrToAcrExecution(context, this, StepCredentials.jenkins());
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
            // Copy mode streams on the agent and the reports go to its workspace; credentials are the build's.
            return Set.of(FilePath.class, TaskListener.class, Run.class, EnvVars.class);
        }

        @Override
        public String getFunctionName() {
            return "ecrToAcr";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("EcrToAcrStep.DisplayName");
        }

        // Form validation (snippet generator): the engine's own checks of each value, so the form and the build agree.
        public FormValidation doCheckTo(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.target(value));
        }

        public FormValidation doCheckMode(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.mode(value));
        }

        public FormValidation doCheckImages(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.images(value));
        }

        public FormValidation doCheckRepositories(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.repositories(value));
        }

        public FormValidation doCheckTagPattern(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.tagPattern(value));
        }
    }
}
