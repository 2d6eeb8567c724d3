package io.jenkins.plugins.eks2aks.steps.preflight;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.Messages;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

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
    transient StepCredentials credentials = StepCredentials.jenkins();

    @DataBoundConstructor
    public AksPreflightStep() {
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    @DataBoundSetter
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = trim(resourceGroup);
    }

    public String getCluster() {
        return cluster;
    }

    /** The AKS cluster's name in {@code resourceGroup}. */
    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = trim(cluster);
    }

    public String getSubscription() {
        return subscription;
    }

    @DataBoundSetter
    public void setSubscription(String subscription) {
        this.subscription = trim(subscription);
    }

    public String getKubeconfig() {
        return kubeconfig;
    }

    @DataBoundSetter
    public void setKubeconfig(String kubeconfig) {
        this.kubeconfig = trim(kubeconfig);
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = trim(context);
    }

    public String getInventory() {
        return inventory;
    }

    /** The eksInventory's inventory.json in the workspace. */
    @DataBoundSetter
    public void setInventory(String inventory) {
        this.inventory = trim(inventory);
    }

    public String getSourceVersion() {
        return sourceVersion;
    }

    @DataBoundSetter
    public void setSourceVersion(String sourceVersion) {
        this.sourceVersion = trim(sourceVersion);
    }

    public String getIngress() {
        return ingress;
    }

    @DataBoundSetter
    public void setIngress(String ingress) {
        this.ingress = trim(ingress);
    }

    public String getAcr() {
        return acr;
    }

    @DataBoundSetter
    public void setAcr(String acr) {
        this.acr = trim(acr);
    }

    public String getVeleroNamespace() {
        return veleroNamespace;
    }

    @DataBoundSetter
    public void setVeleroNamespace(String veleroNamespace) {
        this.veleroNamespace = veleroNamespace == null || veleroNamespace.isBlank() ? "velero" : veleroNamespace.trim();
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = output == null || output.isBlank() ? DEFAULT_OUTPUT : output.trim();
    }

    public String getAzureCredentialsId() {
        return azureCredentialsId;
    }

    @DataBoundSetter
    public void setAzureCredentialsId(String azureCredentialsId) {
        this.azureCredentialsId = trim(azureCredentialsId);
    }

    public boolean isFailOnNotReady() {
        return failOnNotReady;
    }

    @DataBoundSetter
    public void setFailOnNotReady(boolean failOnNotReady) {
        this.failOnNotReady = failOnNotReady;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new AksPreflightExecution(context, this, credentials);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

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
    }
}
