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
 * {@code verifyRestore}: checks the restored namespaces on AKS for what Velero's Completed does not prove (claims Bound,
 * rollouts, pods stuck pulling or crashing, ECR images, Workload ID labels, load balancer addresses); writes JSON and
 * JUnit XML, returns the result Map and fails when a check fails.
 */
public final class VerifyRestoreStep extends Step {

    private String namespaces;
    private String expectObjects;
    private String timeout;
    private String output = "eks2aks/verify";
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
    public VerifyRestoreStep() {
    }

    @Override
    public StepExecution start(StepContext stepContext) {
        HashMap<String, Serializable> p = new HashMap<>();
        p.put("pollMillis", pollMillis);
        p.put("namespaces", namespaces);
        p.put("expectObjects", expectObjects);
        p.put("timeout", timeout);
        p.put("output", output);
        return new VeleroExecution(stepContext, "verifyRestore", VeleroCallable.Kind.VERIFY,
                new VeleroCallable.Cluster(kubeconfig, context, null, null, resourceGroup, cluster, subscription), p, null, azureCredentialsId, credentials);
    }

    public String getNamespaces() {
        return namespaces;
    }

    @DataBoundSetter
    public void setNamespaces(String namespaces) {
        this.namespaces = Util.fixEmptyAndTrim(namespaces);
    }

    public String getExpectObjects() {
        return expectObjects;
    }

    @DataBoundSetter
    public void setExpectObjects(String expectObjects) {
        this.expectObjects = Util.fixEmptyAndTrim(expectObjects);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), "eks2aks/verify");
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
            return "verifyRestore";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("VerifyRestoreStep.DisplayName");
        }
    }
}
