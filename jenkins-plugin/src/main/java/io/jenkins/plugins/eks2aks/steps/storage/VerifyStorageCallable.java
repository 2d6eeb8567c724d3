package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.verify.StorageVerify;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyReports;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyRequest;
import io.jenkins.plugins.eks2aks.storage.verify.VerifySummary;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the gate where the workspace is; returns plain JDK types. */
final class VerifyStorageCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    static final VerifyOptions.Names NAMES = new VerifyOptions.Names("'source'", "'destination'", "'sampleRate'", "'veleroBackup'",
            "'parallel'");

    /** The step's parameters as plain values. */
    record Parameters(String source, String destination, double sampleRate, String veleroBackup, int parallel, String region,
                      boolean s3PathStyle, String output, boolean force) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Parameters parameters;
    private final StorageKeys keys;
    private final TaskListener listener;

    VerifyStorageCallable(Parameters parameters, StorageKeys keys, TaskListener listener) {
        this.parameters = parameters;
        this.keys = keys;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = workspace.toPath();
        Path output = root.resolve(parameters.output());
        try {
            VerifyRequest request = new VerifyOptions(StorageStepParameters.source(parameters.source(), root), parameters.destination(),
                    parameters.sampleRate(), parameters.veleroBackup(), parameters.parallel(), output, parameters.force()).request(NAMES);
            Map<String, String> env = keys.environment(System.getenv());
            StorageAccess access = StorageAccess.resolve(env, request.destination(), request.s3Source() != null, parameters.region(),
                    "'region'", parameters.s3PathStyle(), null, keys.azure(), request.parallel());
            VerifySummary summary = new StorageVerify(new BuildLogEvents(listener), access.masking()).run(request,
                    access.source(request.s3Source(), request.folder()), access.blobDestination());
            HashMap<String, Object> result = new HashMap<>(summary.toMap());
            result.put("reportJson", output.resolve(VerifyReports.JSON).toString());
            result.put("reportMarkdown", output.resolve(VerifyReports.MARKDOWN).toString());
            result.put("reportJunit", output.resolve(VerifyReports.JUNIT).toString());
            return result;
        } catch (MigrationException | IllegalArgumentException e) {
            throw new AbortException("verifyStorage: " + e.getMessage());
        } catch (RuntimeException e) {
            // An SDK's own exception must not cross the channel: the controller's class filter rejects it.
            throw StepFailure.of("verifyStorage", e);
        }
    }
}
