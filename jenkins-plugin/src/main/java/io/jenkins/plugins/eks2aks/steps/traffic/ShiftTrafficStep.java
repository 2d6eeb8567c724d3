package io.jenkins.plugins.eks2aks.steps.traffic;

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
 * {@code shiftTraffic}: the gated, weighted DNS cut-over from the EKS endpoint to the AKS endpoint (Route 53, or Azure
 * Traffic Manager with an optional Azure DNS zone), with health gates between the steps and a rollback to the last
 * good weights when one fails. The parameters are the CLI's options; the engine validates them the same way.
 */
public final class ShiftTrafficStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/traffic";
    private String hostnames;
    private String eksTarget;
    private String aksTarget;
    private String route53ZoneId;
    private String azureDnsZone;
    private String trafficManagerProfile;
    private String resourceGroup;
    private String subscription;
    private String weights;
    private String hold;
    private String healthUrl;
    private Integer expectStatus;
    private String latencyBudget;
    private Integer passes;
    private String probeInterval;
    private String errorRateUrl;
    private Double maxErrorRate;
    private Long shiftTtl;
    private Long ttl;
    private String awsCredentialsId;
    private String azureCredentialsId;
    private boolean dryRun;
    private boolean rollback;
    private String output = DEFAULT_OUTPUT;
    transient StepCredentials credentials = StepCredentials.jenkins();

    @DataBoundConstructor
    public ShiftTrafficStep() {
    }

    public String getHostnames() {
        return hostnames;
    }

    /** The DNS names to move together, one per line or comma-separated. */
    @DataBoundSetter
    public void setHostnames(String hostnames) {
        this.hostnames = Util.fixEmptyAndTrim(hostnames);
    }

    public String getEksTarget() {
        return eksTarget;
    }

    @DataBoundSetter
    public void setEksTarget(String eksTarget) {
        this.eksTarget = Util.fixEmptyAndTrim(eksTarget);
    }

    public String getAksTarget() {
        return aksTarget;
    }

    @DataBoundSetter
    public void setAksTarget(String aksTarget) {
        this.aksTarget = Util.fixEmptyAndTrim(aksTarget);
    }

    public String getRoute53ZoneId() {
        return route53ZoneId;
    }

    @DataBoundSetter
    public void setRoute53ZoneId(String route53ZoneId) {
        this.route53ZoneId = Util.fixEmptyAndTrim(route53ZoneId);
    }

    public String getAzureDnsZone() {
        return azureDnsZone;
    }

    @DataBoundSetter
    public void setAzureDnsZone(String azureDnsZone) {
        this.azureDnsZone = Util.fixEmptyAndTrim(azureDnsZone);
    }

    public String getTrafficManagerProfile() {
        return trafficManagerProfile;
    }

    @DataBoundSetter
    public void setTrafficManagerProfile(String trafficManagerProfile) {
        this.trafficManagerProfile = Util.fixEmptyAndTrim(trafficManagerProfile);
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

    public String getWeights() {
        return weights;
    }

    @DataBoundSetter
    public void setWeights(String weights) {
        this.weights = Util.fixEmptyAndTrim(weights);
    }

    public String getHold() {
        return hold;
    }

    @DataBoundSetter
    public void setHold(String hold) {
        this.hold = Util.fixEmptyAndTrim(hold);
    }

    public String getHealthUrl() {
        return healthUrl;
    }

    @DataBoundSetter
    public void setHealthUrl(String healthUrl) {
        this.healthUrl = Util.fixEmptyAndTrim(healthUrl);
    }

    public Integer getExpectStatus() {
        return expectStatus;
    }

    @DataBoundSetter
    public void setExpectStatus(Integer expectStatus) {
        this.expectStatus = expectStatus;
    }

    public String getLatencyBudget() {
        return latencyBudget;
    }

    @DataBoundSetter
    public void setLatencyBudget(String latencyBudget) {
        this.latencyBudget = Util.fixEmptyAndTrim(latencyBudget);
    }

    public Integer getPasses() {
        return passes;
    }

    @DataBoundSetter
    public void setPasses(Integer passes) {
        this.passes = passes;
    }

    public String getProbeInterval() {
        return probeInterval;
    }

    @DataBoundSetter
    public void setProbeInterval(String probeInterval) {
        this.probeInterval = Util.fixEmptyAndTrim(probeInterval);
    }

    public String getErrorRateUrl() {
        return errorRateUrl;
    }

    @DataBoundSetter
    public void setErrorRateUrl(String errorRateUrl) {
        this.errorRateUrl = Util.fixEmptyAndTrim(errorRateUrl);
    }

    public Double getMaxErrorRate() {
        return maxErrorRate;
    }

    @DataBoundSetter
    public void setMaxErrorRate(Double maxErrorRate) {
        this.maxErrorRate = maxErrorRate;
    }

    public Long getShiftTtl() {
        return shiftTtl;
    }

    @DataBoundSetter
    public void setShiftTtl(Long shiftTtl) {
        this.shiftTtl = shiftTtl;
    }

    public Long getTtl() {
        return ttl;
    }

    @DataBoundSetter
    public void setTtl(Long ttl) {
        this.ttl = ttl;
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

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(boolean rollback) {
        this.rollback = rollback;
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), DEFAULT_OUTPUT);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ShiftTrafficExecution(context, this, credentials);
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
            return "shiftTraffic";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("ShiftTrafficStep.DisplayName");
        }
    }
}
