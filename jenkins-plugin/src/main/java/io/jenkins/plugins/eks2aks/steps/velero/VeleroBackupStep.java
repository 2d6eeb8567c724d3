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
import io.jenkins.plugins.eks2aks.velero.VeleroNames;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;

/**
 * {@code veleroBackup}: a Velero backup of the EKS cluster ({@code cluster} and {@code region} with an AWS credential, or a
 * workspace {@code kubeconfig}); returns the result Map. Without {@code name} the step names the Backup when it starts, so
 * the name is what the build keeps.
 */
public final class VeleroBackupStep extends Step {

    private String name;
    private String includeNamespaces;
    private String excludeNamespaces;
    private String includeResources;
    private String selector;
    private String storageLocation;
    private String ttl;
    private boolean fsBackup = true;
    private boolean snapshotVolumes;
    private String veleroNamespace;
    private boolean wait = true;
    private String timeout;
    private boolean dryRun;
    private String output = "eks2aks/backup";
    private String cluster;
    private String region;
    private String kubeconfig;
    private String context;
    private String awsCredentialsId;
    transient StepCredentials credentials = StepCredentials.jenkins();
    /** How often the wait reads the object again besides watching it (milliseconds); tests shorten it. */
    transient Long pollMillis;

    @DataBoundConstructor
    public VeleroBackupStep() {
    }

    @Override
    public StepExecution start(StepContext stepContext) {
        String backup = name != null ? name : VeleroNames.timestamped(Instant.now());
        HashMap<String, Serializable> p = new HashMap<>();
        p.put("pollMillis", pollMillis);
        p.put("name", backup);
        p.put("includeNamespaces", includeNamespaces);
        p.put("excludeNamespaces", excludeNamespaces);
        p.put("includeResources", includeResources);
        p.put("selector", selector);
        p.put("storageLocation", storageLocation);
        p.put("ttl", ttl);
        p.put("fsBackup", fsBackup);
        p.put("snapshotVolumes", snapshotVolumes);
        p.put("veleroNamespace", veleroNamespace);
        p.put("wait", wait);
        p.put("timeout", timeout);
        p.put("dryRun", dryRun);
        p.put("output", output);
        return new VeleroExecution(stepContext, "veleroBackup", VeleroCallable.Kind.BACKUP,
                new VeleroCallable.Cluster(kubeconfig, context, cluster, region, null, null, null), p, awsCredentialsId, null, credentials);
    }

    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    public String getIncludeNamespaces() {
        return includeNamespaces;
    }

    @DataBoundSetter
    public void setIncludeNamespaces(String includeNamespaces) {
        this.includeNamespaces = Util.fixEmptyAndTrim(includeNamespaces);
    }

    public String getExcludeNamespaces() {
        return excludeNamespaces;
    }

    @DataBoundSetter
    public void setExcludeNamespaces(String excludeNamespaces) {
        this.excludeNamespaces = Util.fixEmptyAndTrim(excludeNamespaces);
    }

    public String getIncludeResources() {
        return includeResources;
    }

    @DataBoundSetter
    public void setIncludeResources(String includeResources) {
        this.includeResources = Util.fixEmptyAndTrim(includeResources);
    }

    public String getSelector() {
        return selector;
    }

    @DataBoundSetter
    public void setSelector(String selector) {
        this.selector = Util.fixEmptyAndTrim(selector);
    }

    public String getStorageLocation() {
        return storageLocation;
    }

    @DataBoundSetter
    public void setStorageLocation(String storageLocation) {
        this.storageLocation = Util.fixEmptyAndTrim(storageLocation);
    }

    public String getTtl() {
        return ttl;
    }

    @DataBoundSetter
    public void setTtl(String ttl) {
        this.ttl = Util.fixEmptyAndTrim(ttl);
    }

    public boolean isFsBackup() {
        return fsBackup;
    }

    @DataBoundSetter
    public void setFsBackup(boolean fsBackup) {
        this.fsBackup = fsBackup;
    }

    public boolean isSnapshotVolumes() {
        return snapshotVolumes;
    }

    @DataBoundSetter
    public void setSnapshotVolumes(boolean snapshotVolumes) {
        this.snapshotVolumes = snapshotVolumes;
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
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), "eks2aks/backup");
    }

    public String getCluster() {
        return cluster;
    }

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

    public String getAwsCredentialsId() {
        return awsCredentialsId;
    }

    @DataBoundSetter
    public void setAwsCredentialsId(String awsCredentialsId) {
        this.awsCredentialsId = Util.fixEmptyAndTrim(awsCredentialsId);
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
            return Set.of(FilePath.class, TaskListener.class, Run.class, EnvVars.class);
        }

        @Override
        public String getFunctionName() {
            return "veleroBackup";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("VeleroBackupStep.DisplayName");
        }
    }
}
