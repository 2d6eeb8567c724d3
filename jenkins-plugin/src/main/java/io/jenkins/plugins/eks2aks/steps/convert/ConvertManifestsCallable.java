package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.OutputFormat;
import io.jenkins.plugins.eks2aks.mapping.MappingOverrides;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Runs the conversion on the agent that holds the workspace. It carries only serializable values (strings,
 * booleans, a list of strings, and the build's remotable TaskListener) and returns plain JDK types, so nothing
 * of the engine has to cross the remoting channel. The mapping file is read here, on the agent, where it lies.
 */
final class ConvertManifestsCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's parameters as plain values. */
    record Parameters(String source, String output, String acr, ArrayList<String> registryMap, String mappingFile,
                      String format, boolean veleroConfigMaps, String ingressTarget, String targetAksVersion,
                      boolean dryRun) implements Serializable {
        private static final long serialVersionUID = 1L;
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

    /** Fails fast, on the controller, on parameters that can never work. */
    void validate() throws AbortException {
        if (parameters.source().isEmpty()) {
            throw new AbortException("convertManifests: 'source' is required: a manifest file or directory in the workspace");
        }
        try {
            OutputFormat.fromKey(parameters.format());
        } catch (IllegalArgumentException e) {
            throw new AbortException("convertManifests: invalid 'format' '" + parameters.format() + "': allowed are files, kustomize");
        }
        try {
            // Only the parameters: the mapping file lies in the agent's workspace and is read there.
            new MappingOverrides(null, parameters.acr(), parameters.registryMap(), parameters.ingressTarget(),
                    parameters.targetAksVersion()).applyTo(MigrationMapping.defaults());
        } catch (MigrationException e) {
            throw new AbortException("convertManifests: " + e.getMessage());
        }
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath();
        try {
            Path input = root.resolve(parameters.source());
            MigrationMapping mapping = new MappingOverrides(
                    parameters.mappingFile() == null ? null : root.resolve(parameters.mappingFile()),
                    parameters.acr(), parameters.registryMap(), parameters.ingressTarget(), parameters.targetAksVersion())
                    .resolve(input);
            ConversionRequest request = new ConversionRequest(input, root.resolve(parameters.output()), mapping,
                    parameters.dryRun(), OutputFormat.fromKey(parameters.format()), parameters.veleroConfigMaps());
            return new HashMap<>(new ManifestConversion(new BuildLogEvents(listener)).run(request).toMap());
        } catch (MigrationException e) {
            // MigrationException is the engine's class; AbortException is Jenkins' own, safe to send back.
            throw new AbortException("convertManifests: " + e.getMessage());
        }
    }
}
