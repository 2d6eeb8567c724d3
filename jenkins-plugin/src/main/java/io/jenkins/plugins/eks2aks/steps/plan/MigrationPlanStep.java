package io.jenkins.plugins.eks2aks.steps.plan;

import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.Messages;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Objects;
import java.util.Set;

/**
 * {@code migrationPlan}: the whole migration, step by step, with its work, estimates and open decisions. Reads the
 * workspace only; writes {@code plan.json} and {@code plan.md}.
 */
public final class MigrationPlanStep extends Step {

    static final String DEFAULT_OUTPUT = "eks2aks/plan";

    private final String manifests;
    private String inventory;
    private String dump;
    private String mappingFile;
    private String ledger;
    private String output = DEFAULT_OUTPUT;
    private boolean force;

    @DataBoundConstructor
    public MigrationPlanStep(String manifests) {
        this.manifests = manifests == null ? "" : manifests.trim();
    }

    public String getManifests() {
        return manifests;
    }

    public String getInventory() {
        return inventory;
    }

    @DataBoundSetter
    public void setInventory(String inventory) {
        this.inventory = Util.fixEmptyAndTrim(inventory);
    }

    public String getDump() {
        return dump;
    }

    @DataBoundSetter
    public void setDump(String dump) {
        this.dump = Util.fixEmptyAndTrim(dump);
    }

    public String getMappingFile() {
        return mappingFile;
    }

    @DataBoundSetter
    public void setMappingFile(String mappingFile) {
        this.mappingFile = Util.fixEmptyAndTrim(mappingFile);
    }

    public String getLedger() {
        return ledger;
    }

    @DataBoundSetter
    public void setLedger(String ledger) {
        this.ledger = Util.fixEmptyAndTrim(ledger);
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

    @Override
    public StepExecution start(StepContext context) {
        return new MigrationPlanExecution(context, new MigrationPlanCallable.Parameters(manifests, inventory, dump, mappingFile,
                ledger, output, force));
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "migrationPlan";
        }

        @Override
        public String getDisplayName() {
            return Messages.get("MigrationPlanStep.DisplayName");
        }
    }
}
