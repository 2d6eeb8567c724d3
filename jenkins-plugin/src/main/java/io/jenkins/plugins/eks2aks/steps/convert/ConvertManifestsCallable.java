package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ManifestConversion;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Runs the conversion on the agent that holds the workspace. It carries only serializable values (strings,
 * a list of strings, a boolean, and the build's remotable TaskListener) and returns plain JDK types, so
 * nothing of the engine has to cross the remoting channel.
 */
final class ConvertManifestsCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String output;
    private final String acr;
    private final ArrayList<String> registryMap;
    private final boolean dryRun;
    private final TaskListener listener;

    ConvertManifestsCallable(String source, String output, String acr, List<String> registryMap, boolean dryRun,
                             TaskListener listener) {
        this.source = source;
        this.output = output;
        this.acr = acr;
        this.registryMap = new ArrayList<>(registryMap);
        this.dryRun = dryRun;
        this.listener = listener;
    }

    /** The same work for the build's listener, which is only known once the step runs. */
    ConvertManifestsCallable withListener(TaskListener buildListener) {
        return new ConvertManifestsCallable(source, output, acr, registryMap, dryRun, buildListener);
    }

    /** Fails fast, on the controller, on parameters that can never work. */
    void validate() throws AbortException {
        if (source.isEmpty()) {
            throw new AbortException("convertManifests: 'source' is required: a manifest file or directory in the workspace");
        }
        try {
            RegistryMap.of(registryMap, acr);
        } catch (MigrationException e) {
            throw new AbortException("convertManifests: " + e.getMessage());
        }
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath();
        try {
            MigrationMapping mapping = MigrationMapping.defaults().withRegistries(RegistryMap.parseEntries(registryMap));
            ConversionRequest request = new ConversionRequest(root.resolve(source), root.resolve(output),
                    acr == null ? mapping : mapping.withAcr(acr), dryRun);
            return new HashMap<>(new ManifestConversion(new BuildLogEvents(listener)).run(request).toMap());
        } catch (MigrationException e) {
            // MigrationException is the engine's class; AbortException is Jenkins' own, safe to send back.
            throw new AbortException("convertManifests: " + e.getMessage());
        }
    }

    String source() {
        return source;
    }

    boolean dryRun() {
        return dryRun;
    }
}
