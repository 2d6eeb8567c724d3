package io.jenkins.plugins.eks2aks.steps.migrate;

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
 * {@code eksToAksMigration}: the migration's steps up to the traffic gate as one resumable run over one folder of the
 * workspace, each finished step kept in its ledger. Never moves traffic.
 */
public final class EksToAksMigrationStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/migration";

    private final String manifests;
    private String mappingFile;
    private String output = DEFAULT_OUTPUT;
    private boolean force;
    private String from;
    private String until;
    private boolean dryRun;
    private String eksCluster;
    private String region;
    private String eksKubeconfig;
    private String eksContext;
    private String dump;
    private String resourceGroup;
    private String aksCluster;
    private String subscription;
    private String aksKubeconfig;
    private String aksContext;
    private String acr;
    private String imagesFile;
    private String imageMode;
    private String backupName;
    private String namespaces;
    private String veleroNamespace;
    private String timeout;
    private String storageSource;
    private String storageDestination;
    private String storageAccount;
    private String container;
    private String storageResourceGroup;
    private String awsCredentialsId;
    private String azureCredentialsId;
    transient StepCredentials credentials = StepCredentials.jenkins();

    @DataBoundConstructor
    public EksToAksMigrationStep(String manifests) {
        this.manifests = manifests == null ? "" : manifests.trim();
    }

    public String getManifests() {
        return manifests;
    }

    public String getMappingFile() {
        return mappingFile;
    }

    @DataBoundSetter
    public void setMappingFile(String mappingFile) {
        this.mappingFile = Util.fixEmptyAndTrim(mappingFile);
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

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = Util.fixEmptyAndTrim(from);
    }

    public String getUntil() {
        return until;
    }

    @DataBoundSetter
    public void setUntil(String until) {
        this.until = Util.fixEmptyAndTrim(until);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getEksCluster() {
        return eksCluster;
    }

    @DataBoundSetter
    public void setEksCluster(String eksCluster) {
        this.eksCluster = Util.fixEmptyAndTrim(eksCluster);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getEksKubeconfig() {
        return eksKubeconfig;
    }

    @DataBoundSetter
    public void setEksKubeconfig(String eksKubeconfig) {
        this.eksKubeconfig = Util.fixEmptyAndTrim(eksKubeconfig);
    }

    public String getEksContext() {
        return eksContext;
    }

    @DataBoundSetter
    public void setEksContext(String eksContext) {
        this.eksContext = Util.fixEmptyAndTrim(eksContext);
    }

    public String getDump() {
        return dump;
    }

    @DataBoundSetter
    public void setDump(String dump) {
        this.dump = Util.fixEmptyAndTrim(dump);
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    @DataBoundSetter
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = Util.fixEmptyAndTrim(resourceGroup);
    }

    public String getAksCluster() {
        return aksCluster;
    }

    @DataBoundSetter
    public void setAksCluster(String aksCluster) {
        this.aksCluster = Util.fixEmptyAndTrim(aksCluster);
    }

    public String getSubscription() {
        return subscription;
    }

    @DataBoundSetter
    public void setSubscription(String subscription) {
        this.subscription = Util.fixEmptyAndTrim(subscription);
    }

    public String getAksKubeconfig() {
        return aksKubeconfig;
    }

    @DataBoundSetter
    public void setAksKubeconfig(String aksKubeconfig) {
        this.aksKubeconfig = Util.fixEmptyAndTrim(aksKubeconfig);
    }

    public String getAksContext() {
        return aksContext;
    }

    @DataBoundSetter
    public void setAksContext(String aksContext) {
        this.aksContext = Util.fixEmptyAndTrim(aksContext);
    }

    public String getAcr() {
        return acr;
    }

    @DataBoundSetter
    public void setAcr(String acr) {
        this.acr = Util.fixEmptyAndTrim(acr);
    }

    public String getImagesFile() {
        return imagesFile;
    }

    @DataBoundSetter
    public void setImagesFile(String imagesFile) {
        this.imagesFile = Util.fixEmptyAndTrim(imagesFile);
    }

    public String getImageMode() {
        return imageMode;
    }

    @DataBoundSetter
    public void setImageMode(String imageMode) {
        this.imageMode = Util.fixEmptyAndTrim(imageMode);
    }

    public String getBackupName() {
        return backupName;
    }

    @DataBoundSetter
    public void setBackupName(String backupName) {
        this.backupName = Util.fixEmptyAndTrim(backupName);
    }

    public String getNamespaces() {
        return namespaces;
    }

    @DataBoundSetter
    public void setNamespaces(String namespaces) {
        this.namespaces = Util.fixEmptyAndTrim(namespaces);
    }

    public String getVeleroNamespace() {
        return veleroNamespace;
    }

    @DataBoundSetter
    public void setVeleroNamespace(String veleroNamespace) {
        this.veleroNamespace = Util.fixEmptyAndTrim(veleroNamespace);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public String getStorageSource() {
        return storageSource;
    }

    @DataBoundSetter
    public void setStorageSource(String storageSource) {
        this.storageSource = Util.fixEmptyAndTrim(storageSource);
    }

    public String getStorageDestination() {
        return storageDestination;
    }

    @DataBoundSetter
    public void setStorageDestination(String storageDestination) {
        this.storageDestination = Util.fixEmptyAndTrim(storageDestination);
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

    public String getStorageResourceGroup() {
        return storageResourceGroup;
    }

    @DataBoundSetter
    public void setStorageResourceGroup(String storageResourceGroup) {
        this.storageResourceGroup = Util.fixEmptyAndTrim(storageResourceGroup);
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

    @Override
    public StepExecution start(StepContext context) {
        return new EksToAksMigrationExecution(context, this, credentials);
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
            return "eksToAksMigration";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("EksToAksMigrationStep.DisplayName");
        }
    }
}
