package io.jenkins.plugins.eks2aks.steps.plan;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.plan.MigrationPlanner;
import io.jenkins.plugins.eks2aks.plan.PlanOptions;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;

/** Plans where the workspace is; paths are relative to it; returns plain JDK types. */
final class MigrationPlanCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    static final PlanOptions.Names NAMES = new PlanOptions.Names("'manifests'", "'inventory'", "'dump'", "'mappingFile'", "'ledger'",
            "'output'");

    /** The step's parameters as plain values. */
    record Parameters(String manifests, String inventory, String dump, String mappingFile, String ledger, String output,
                      boolean force) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Parameters parameters;
    private final TaskListener listener;

    MigrationPlanCallable(Parameters parameters, TaskListener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath();
        try {
            PlanOptions options = new PlanOptions(in(root, parameters.manifests()), in(root, parameters.inventory()),
                    in(root, parameters.dump()), in(root, parameters.mappingFile()), in(root, parameters.ledger()),
                    root.resolve(parameters.output()), parameters.force());
            return new HashMap<>(new MigrationPlanner(new BuildLogEvents(listener), Clock.systemUTC()).run(options.request(NAMES)).toMap());
        } catch (MigrationException e) {
            // MigrationException is the engine's class; AbortException is Jenkins' own, safe to send back.
            throw new AbortException("migrationPlan: " + e.getMessage());
        }
    }

    private static String in(Path root, String relative) {
        return relative == null || relative.isEmpty() ? relative : root.resolve(relative).toString();
    }
}
