package io.jenkins.plugins.eks2aks.steps.plan;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.plan.MigrationPlanner;
import io.jenkins.plugins.eks2aks.plan.PlanOptions;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashMap;

/** Plans where the workspace is (paths confined to it); returns plain JDK types. */
final class MigrationPlanCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    static final String STEP = "migrationPlan";
    static final PlanOptions.Names NAMES = new PlanOptions.Names("'manifests'", "'inventory'", "'dump'", "'mappingFile'", "'ledger'",
            "'output'",
            "the eksInventory step", "the ecrToAcr step with dryRun: true", FrontEndNames.STEPS);

    /** The step's parameters as plain values. */
    record Parameters(String manifests, String inventory, String dump, String mappingFile, String ledger, String output,
                      boolean force) implements Serializable {
        private static final long serialVersionUID = 1L;

        PlanOptions options() {
            return new PlanOptions(manifests, inventory, dump, mappingFile, ledger, output, force);
        }
    }

    private final Parameters parameters;
    private final TaskListener listener;

    MigrationPlanCallable(Parameters parameters, TaskListener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws AbortException {
        try {
            PlanOptions options = parameters.options();
            return new HashMap<>(new MigrationPlanner(new BuildLogEvents(listener), Clock.systemUTC())
                    .run(options.request(NAMES, PathScope.workspace(workspace.toPath()))).toMap());
        } catch (RuntimeException e) {
            throw StepFailure.of(STEP, e);
        }
    }
}
