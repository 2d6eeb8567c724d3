package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.eks2aks.steps.FieldChecks;
import io.jenkins.plugins.eks2aks.steps.Messages;
import io.jenkins.plugins.eks2aks.steps.StepParameters;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code convertManifests}: converts the EKS manifests under {@code source} in the workspace into AKS
 * manifests under {@code output}, with a report, and returns a summary Map.
 */
public final class ConvertManifestsStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/aks";
    /** Conflicts fail the step; pending decisions make the build UNSTABLE. */
    static final String FAIL_ON_CONFLICTS = "conflicts";
    /** Pending decisions fail the step too. */
    static final String FAIL_ON_DECISIONS = "decisions";
    /** Neither fails the step nor changes the build result. */
    static final String FAIL_ON_NEVER = "never";

    private final String source;
    private String output = DEFAULT_OUTPUT;
    private String acr;
    private String registryMap;
    private String mappingFile;
    private String format = "files";
    private boolean veleroConfigMaps;
    private String failOn = FAIL_ON_CONFLICTS;
    private String ingressTarget;
    private String targetAksVersion;
    private boolean dryRun;
    private boolean force;
    private String exclude;

    @DataBoundConstructor
    public ConvertManifestsStep(String source) {
        this.source = source == null ? "" : source.trim();
    }

    public String getSource() {
        return source;
    }

    public String getOutput() {
        return output;
    }

    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Objects.requireNonNullElse(Util.fixEmptyAndTrim(output), DEFAULT_OUTPUT);
    }

    public String getAcr() {
        return acr;
    }

    @DataBoundSetter
    public void setAcr(String acr) {
        this.acr = Util.fixEmptyAndTrim(acr);
    }

    public String getRegistryMap() {
        return registryMap;
    }

    /** {@code ecr-host=acr-host} entries, one per line or separated by commas. */
    @DataBoundSetter
    public void setRegistryMap(String registryMap) {
        this.registryMap = Util.fixEmptyAndTrim(registryMap);
    }

    public String getMappingFile() {
        return mappingFile;
    }

    /** The migration mapping file in the workspace; default: SOURCE/eks2aks.yaml when it exists. */
    @DataBoundSetter
    public void setMappingFile(String mappingFile) {
        this.mappingFile = Util.fixEmptyAndTrim(mappingFile);
    }

    public String getFormat() {
        return format;
    }

    /** {@code files} (default) or {@code kustomize}. */
    @DataBoundSetter
    public void setFormat(String format) {
        this.format = Objects.requireNonNullElse(Util.fixEmptyAndTrim(format), "files");
    }

    public boolean isVeleroConfigMaps() {
        return veleroConfigMaps;
    }

    @DataBoundSetter
    public void setVeleroConfigMaps(boolean veleroConfigMaps) {
        this.veleroConfigMaps = veleroConfigMaps;
    }

    public String getFailOn() {
        return failOn;
    }

    /** {@code conflicts} (default), {@code decisions} or {@code never}. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = Objects.requireNonNullElse(Util.fixEmptyAndTrim(failOn), FAIL_ON_CONFLICTS);
    }

    public String getIngressTarget() {
        return ingressTarget;
    }

    @DataBoundSetter
    public void setIngressTarget(String ingressTarget) {
        this.ingressTarget = Util.fixEmptyAndTrim(ingressTarget);
    }

    public String getTargetAksVersion() {
        return targetAksVersion;
    }

    @DataBoundSetter
    public void setTargetAksVersion(String targetAksVersion) {
        this.targetAksVersion = Util.fixEmptyAndTrim(targetAksVersion);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }


    /** The registry map's entries as a list. */
    List<String> registryMapEntries() {
        return StepParameters.entries(registryMap);
    }

    public boolean isForce() {
        return force;
    }

    /** Replace the output folder even though eks2aks did not write it (it holds other files). */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public String getExclude() {
        return exclude;
    }

    /** Globs of paths under the source to leave out, one per line (a glob may hold commas: {a,b}). */
    @DataBoundSetter
    public void setExclude(String exclude) {
        this.exclude = Util.fixEmptyAndTrim(exclude);
    }

    /** The exclusion globs as a list. */
    List<String> excludeGlobs() {
        List<String> globs = new ArrayList<>();
        if (exclude != null) {
            exclude.lines().map(String::trim).filter(g -> !g.isEmpty()).forEach(globs::add);
        }
        return globs;
    }

    @Override
    public StepExecution start(StepContext context) {
        ConvertManifestsCallable.Parameters parameters = new ConvertManifestsCallable.Parameters(source, output, acr,
                new ArrayList<>(registryMapEntries()), mappingFile, format, veleroConfigMaps, ingressTarget,
                targetAksVersion, dryRun, failOn, force, new ArrayList<>(excludeGlobs()));
        return new ConvertManifestsExecution(context, new ConvertManifestsCallable(parameters, null));
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // Files are read and written in the workspace of the agent: the step must run inside node {}.
            return Set.of(FilePath.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "convertManifests";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("ConvertManifestsStep.DisplayName");
        }

        // Form validation (snippet generator): the engine's own checks of each value, so the form and the build agree.
        public FormValidation doCheckFailOn(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.failOn(value));
        }

        public FormValidation doCheckFormat(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.format(value));
        }

        public FormValidation doCheckAcr(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.mappingOverride(value, null, null, null));
        }

        public FormValidation doCheckRegistryMap(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.mappingOverride(null, value, null, null));
        }

        public FormValidation doCheckIngressTarget(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.mappingOverride(null, null, value, null));
        }

        public FormValidation doCheckTargetAksVersion(@QueryParameter String value) {
            return FieldChecks.form(FieldChecks.mappingOverride(null, null, null, value));
        }
    }
}
