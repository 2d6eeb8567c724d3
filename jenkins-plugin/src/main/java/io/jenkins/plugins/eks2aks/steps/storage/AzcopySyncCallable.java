package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSync;
import io.jenkins.plugins.eks2aks.storage.StorageSyncOptions;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.SyncReports;
import io.jenkins.plugins.eks2aks.storage.SyncSummary;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the sync where the workspace is, with the keys derived on the controller; returns plain JDK types. */
final class AzcopySyncCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    static final StorageSyncOptions.Names NAMES = new StorageSyncOptions.Names("'source'", "'destination'", "'engine'", "'parallel'",
            "'blockSize'", "'azcopy'", "'output'");

    /** The step's parameters as plain values. */
    record Parameters(String source, String destination, String engine, int parallel, int blockSize, boolean dryRun, String azcopy,
                      String region, boolean s3PathStyle, String output, boolean force) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Parameters parameters;
    private final StorageKeys keys;
    private final TaskListener listener;

    AzcopySyncCallable(Parameters parameters, StorageKeys keys, TaskListener listener) {
        this.parameters = parameters;
        this.keys = keys;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = workspace.toPath();
        Path output = root.resolve(parameters.output());
        try {
            StorageSyncRequest request = new StorageSyncOptions(StorageStepParameters.source(parameters.source(), root),
                    parameters.destination(), parameters.engine(), parameters.parallel(), parameters.blockSize(), parameters.dryRun(),
                    parameters.azcopy(), output, parameters.force()).request(NAMES);
            Map<String, String> env = keys.environment(System.getenv());
            StorageAccess access = StorageAccess.resolve(env, request.destination(), request.s3Source() != null, parameters.region(),
                    "'region'", parameters.s3PathStyle(), null, keys.azure(), request.parallel());
            SyncSummary summary = new StorageSync(new BuildLogEvents(listener)).run(request, access, env);
            HashMap<String, Object> result = new HashMap<>(summary.toMap());
            result.put("firstFailure", summary.failed().isEmpty() ? null : summary.failed().get(0));
            result.put("reportJson", output.resolve(SyncReports.JSON).toString());
            result.put("reportMarkdown", output.resolve(SyncReports.MARKDOWN).toString());
            return result;
        } catch (MigrationException | IllegalArgumentException e) {
            throw new AbortException("azcopySync: " + e.getMessage());
        } catch (RuntimeException e) {
            // An SDK's own exception must not cross the channel: the controller's class filter rejects it.
            throw StepFailure.of("azcopySync", e);
        }
    }
}
