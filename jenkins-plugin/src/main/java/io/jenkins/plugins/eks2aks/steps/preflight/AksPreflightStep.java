package io.jenkins.plugins.eks2aks.steps.preflight;

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
 * {@code aksPreflight}: checks the target AKS cluster (through Azure Resource Manager with {@code resourceGroup} and
 * {@code cluster}, and/or a workspace {@code kubeconfig}) against the source inventory; writes JSON, Markdown and
 * JUnit XML, returns a Map, and marks the build UNSTABLE (or fails it, with {@code failOnNotReady}) when a check fails.
 */
public final class AksPreflightStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/preflight";

    private String resourceGroup;
    private String cluster;
    private String subscription;
    private String kubeconfig;
    private String context;
    private String inventory;
    private String sourceVersion;
    private String ingress;
    private String acr;
    private String veleroNamespace = "velero";
    private String output = DEFAULT_OUTPUT;
    private String azureCredentialsId;
    private boolean failOnNotReady;
    private boolean force;
    transient StepCredentials credentials = StepCredentials.jenkins();

    @DataBoundConstructor
    public AksPreflightStep() {
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    @DataBoundSetter
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = Util.fixEmptyAndTrim(resourceGroup);
    }

    public String getCluster() {
        return cluster;
    }

    /** The AKS cluster's name in {@code resourceGroup}. */
    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Util.fixEmptyAndTrim(cluster);
    }

    public String getSubscription() {
        return subscription;
    }

    @DataBoundSetter
    public void setSubscription(String subscription) {
        this.subscription = Util.fixEmptyAndTrim(subscription);
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

    public String getInventory() {
        return inventory;
    }

    /** The eksInventory's inventory.json in the workspace. */
    @DataBoundSetter
    public void setInventory(String inventory) {
        this.inventory = Util.fixEmptyAndTrim(inventory);
    }

    public String getSourceVersion() {
        return sourceVersion;
    }

    @DataBoundSetter
    public void setSourceVersion(String sourceVersion) {
        this.sourceVersion = Util.fixEmptyAndTrim(sourceVersion);
    }

    public String getIngress() {
        return ingress;
    }

    @DataBoundSetter
    public void setIngress(String ingress) {
        this.ingress = Util.fixEmptyAndTrim(ingress);
    }

    public String getAcr() {
        return acr;
    }

    @DataBoundSetter
    public void setAcr(String acr) {
        this.acr = Util.fixEmptyAndTrim(acr);
    }

    public String getVeleroNamespace() {
        return veleroNamespace;
    }

    @DataBoundSetter
    public void setVeleroNamespace(String veleroNamespace) {
        this.veleroNamespace = Objects.requireNonNullElse(Util.fixEmptyAndTrim(veleroNamespace), "velero");
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), DEFAULT_OUTPUT);
    }

    public String getAzureCredentialsId() {
        return azureCredentialsId;
    }

    @DataBoundSetter
    public void setAzureCredentialsId(String azureCredentialsId) {
        this.azureCredentialsId = Util.fixEmptyAndTrim(azureCredentialsId);
    }

    public boolean isFailOnNotReady() {
        return failOnNotReady;
    }

    @DataBoundSetter
    public void setFailOnNotReady(boolean failOnNotReady) {
        this.failOnNotReady = failOnNotReady;
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
        return new AksPreflightExecution(context, this, credentials);
    }


    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

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
            return "aksPreflight";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("AksPreflightStep.DisplayName");
        }

        // Form validation (snippet generator): the engine's own checks of each value, so the form and the build agree.
        public FormValidation doCheckIngress(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.preflightIngress(value));
        }

        public FormValidation doCheckSourceVersion(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.kubernetesVersion(value, "sourceVersion"));
        }
    }
}
