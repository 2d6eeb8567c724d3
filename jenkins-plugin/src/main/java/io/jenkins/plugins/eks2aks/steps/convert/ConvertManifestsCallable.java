package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.manifests.FailOn;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Runs the conversion on the agent that holds the workspace. It carries only serializable values (strings,
 * booleans, a list of strings, and the build's remotable TaskListener) and returns plain JDK types, so nothing
 * of the engine has to cross the remoting channel. The engine's {@link ConvertOptions} validates the values (the
 * same code as the CLI's); the mapping file is read here, on the agent, where it lies.
 */
final class ConvertManifestsCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;
    /** How this step spells each option in the engine's messages. */
    static final ConvertOptions.Names NAMES = new ConvertOptions.Names("'source'", "'output'", "'mappingFile'", "'format'", "'failOn'", "'exclude'",
            FrontEndNames.STEPS);

    /** The step's parameters as plain values. */
    record Parameters(String source, String output, String acr, ArrayList<String> registryMap, String mappingFile,
                      String format, boolean veleroConfigMaps, String ingressTarget, String targetAksVersion,
                      boolean dryRun, String failOn, boolean force, ArrayList<String> exclude) implements Serializable {
        private static final long serialVersionUID = 3L;

        ConvertOptions options() {
            return new ConvertOptions(source, output, mappingFile, acr, registryMap, ingressTarget, targetAksVersion, format,
                    veleroConfigMaps, failOn, dryRun, force, exclude);
        }
    }

    private final Parameters parameters;
    private final TaskListener listener;

    ConvertManifestsCallable(Parameters parameters, TaskListener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    /** The same work for the build's listener, which is only known once the step runs. */
    ConvertManifestsCallable withListener(TaskListener buildListener) {
        return new ConvertManifestsCallable(parameters, buildListener);
    }

    /** Fails fast, on the controller, on parameters that can never work; returns the failure policy. */
    FailOn validate() throws AbortException {
        try {
            // Only the parameters: the mapping file lies in the agent's workspace and is read there.
            return parameters.options().check(NAMES);
        } catch (MigrationException e) {
            throw StepFailure.of("convertManifests", e);
        } catch (RuntimeException e) {
            // An SDK's own exception must not cross the channel: the controller's class filter rejects it.
            throw StepFailure.of("convertManifests", e);
        }
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            ConversionRequest request = parameters.options().request(NAMES, PathScope.workspace(workspace.toPath()));
            return new HashMap<>(new ManifestConversion(new BuildLogEvents(listener)).run(request).toMap());
        } catch (RuntimeException e) {
            // Only Jenkins' AbortException crosses back: the engine's and the SDKs' exceptions stay on the agent.
            throw StepFailure.of("convertManifests", e);
        }
    }
}
