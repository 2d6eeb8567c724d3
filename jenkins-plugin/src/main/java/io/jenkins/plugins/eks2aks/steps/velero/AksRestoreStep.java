package io.jenkins.plugins.eks2aks.steps.velero;

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

import java.io.Serializable;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;

/**
 * {@code aksRestore}: restores a Velero backup of the EKS cluster on AKS ({@code resourceGroup} and {@code cluster} with an Azure
 * credential, or a workspace {@code kubeconfig}) through a read-only location, with the storage-class and image ConfigMaps;
 * then checks the result as {@code verifyRestore} does (unless {@code verify: false}). Returns the result Map.
 */
public final class AksRestoreStep extends Step {

    private String backup;
    private String storageAccount;
    private String container;
    private String prefix;
    private String storageResourceGroup;
    private String veleroConfigMaps;
    private String mappingFile;
    private String includeNamespaces;
    private String namespaceMapping;
    private String existingResourcePolicy;
    private String veleroNamespace;
    private boolean wait = true;
    private String timeout;
    private boolean verify = true;
    private boolean dryRun;
    private String output = "eks2aks/restore";
    private String resourceGroup;
    private String cluster;
    private String subscription;
    private String kubeconfig;
    private String context;
    private String azureCredentialsId;
    transient StepCredentials credentials = StepCredentials.jenkins();
    /** How often the wait reads the object again besides watching it (milliseconds); tests shorten it. */
    transient Long pollMillis;

    @DataBoundConstructor
    public AksRestoreStep() {
    }

    @Override
    public StepExecution start(StepContext stepContext) {
        HashMap<String, Serializable> p = new HashMap<>();
        p.put("pollMillis", pollMillis);
        p.put("backup", backup);
        p.put("storageAccount", storageAccount);
        p.put("container", container);
        p.put("prefix", prefix);
        p.put("storageResourceGroup", storageResourceGroup);
        p.put("veleroConfigMaps", veleroConfigMaps);
        p.put("mappingFile", mappingFile);
        p.put("includeNamespaces", includeNamespaces);
        p.put("namespaceMapping", namespaceMapping);
        p.put("existingResourcePolicy", existingResourcePolicy);
        p.put("veleroNamespace", veleroNamespace);
        p.put("wait", wait);
        p.put("timeout", timeout);
        p.put("verify", verify);
        p.put("dryRun", dryRun);
        p.put("output", output);
        return new VeleroExecution(stepContext, "aksRestore", VeleroCallable.Kind.RESTORE,
                new VeleroCallable.Cluster(kubeconfig, context, null, null, resourceGroup, cluster, subscription), p, null, azureCredentialsId, credentials);
    }

    public String getBackup() {
        return backup;
    }

    @DataBoundSetter
    public void setBackup(String backup) {
        this.backup = Util.fixEmptyAndTrim(backup);
    }

    public String getStorageAccount() {
        return storageAccount;
    }

    @DataBoundSetter
    public void setStorageAccount(String storageAccount) {
        this.storageAccount = Util.fixEmptyAndTrim(storageAccount);
    }

    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = Util.fixEmptyAndTrim(container);
    }

    public String getPrefix() {
        return prefix;
    }

    @DataBoundSetter
    public void setPrefix(String prefix) {
        this.prefix = Util.fixEmptyAndTrim(prefix);
    }

    public String getStorageResourceGroup() {
        return storageResourceGroup;
    }

    @DataBoundSetter
    public void setStorageResourceGroup(String storageResourceGroup) {
        this.storageResourceGroup = Util.fixEmptyAndTrim(storageResourceGroup);
    }

    public String getVeleroConfigMaps() {
        return veleroConfigMaps;
    }

    @DataBoundSetter
    public void setVeleroConfigMaps(String veleroConfigMaps) {
        this.veleroConfigMaps = Util.fixEmptyAndTrim(veleroConfigMaps);
    }

    public String getMappingFile() {
        return mappingFile;
    }

    @DataBoundSetter
    public void setMappingFile(String mappingFile) {
        this.mappingFile = Util.fixEmptyAndTrim(mappingFile);
    }

    public String getIncludeNamespaces() {
        return includeNamespaces;
    }

    @DataBoundSetter
    public void setIncludeNamespaces(String includeNamespaces) {
        this.includeNamespaces = Util.fixEmptyAndTrim(includeNamespaces);
    }

    public String getNamespaceMapping() {
        return namespaceMapping;
    }

    @DataBoundSetter
    public void setNamespaceMapping(String namespaceMapping) {
        this.namespaceMapping = Util.fixEmptyAndTrim(namespaceMapping);
    }

    public String getExistingResourcePolicy() {
        return existingResourcePolicy;
    }

    @DataBoundSetter
    public void setExistingResourcePolicy(String existingResourcePolicy) {
        this.existingResourcePolicy = Util.fixEmptyAndTrim(existingResourcePolicy);
    }

    public String getVeleroNamespace() {
        return veleroNamespace;
    }

    @DataBoundSetter
    public void setVeleroNamespace(String veleroNamespace) {
        this.veleroNamespace = Util.fixEmptyAndTrim(veleroNamespace);
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public boolean isVerify() {
        return verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), "eks2aks/restore");
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

    public String getAzureCredentialsId() {
        return azureCredentialsId;
    }

    @DataBoundSetter
    public void setAzureCredentialsId(String azureCredentialsId) {
        this.azureCredentialsId = Util.fixEmptyAndTrim(azureCredentialsId);
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
            return "aksRestore";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("AksRestoreStep.DisplayName");
        }
    }
}
