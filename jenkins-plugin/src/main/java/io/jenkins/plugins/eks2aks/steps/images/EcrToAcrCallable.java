package io.jenkins.plugins.eks2aks.steps.images;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.CopyImagesOptions;
import io.jenkins.plugins.eks2aks.images.CopyImagesRunner;
import io.jenkins.plugins.eks2aks.images.CopyImagesSpec;
import io.jenkins.plugins.eks2aks.images.RegistryLogins;
import io.jenkins.plugins.eks2aks.images.select.SelectionOptions;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Runs the image migration where the workspace is. It carries plain values and the keys derived on the
 * controller (as {@code Secret}s), builds the cloud clients here, and returns plain JDK types.
 */
final class EcrToAcrCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** How this step spells each option in the engine's messages. */
    static final CopyImagesOptions.Names NAMES = new CopyImagesOptions.Names("'images'", "'imagesFile'",
            new SelectionOptions.Names("'repositories'", "'tagPattern'", "'newestTags'", "'allTags'"), "'to'", "'mode'",
            "'parallel'", "'resourceGroup'", "'subscription'", "'output'", "'force'");

    /** The step's parameters as plain values; {@code newestTags} 0 means no limit. */
    record Parameters(ArrayList<String> images, String imagesFile, String to, String mode, int parallel, boolean dryRun,
                      boolean force, boolean referrers, String resourceGroup, String subscription,
                      ArrayList<String> plainHttp, String output, ArrayList<String> repositories, String tagPattern,
                      int newestTags, boolean allTags) implements Serializable {
        private static final long serialVersionUID = 1L;

        CopyImagesOptions options() {
            return new CopyImagesOptions(images, imagesFile, new SelectionOptions(repositories, tagPattern,
                    newestTags > 0 ? newestTags : null, allTags), to, mode, parallel, dryRun, force, referrers, resourceGroup,
                    subscription, plainHttp, output);
        }

        /** Fails on the controller, before an agent is used, on values that can never work. */
        void check() throws AbortException {
            if (newestTags < 0) {
                throw new AbortException("ecrToAcr: invalid 'newestTags' " + newestTags + ": must be 1 or more (0 for no limit)");
            }
            try {
                options().check(NAMES);
            } catch (RuntimeException e) {
                throw StepFailure.of("ecrToAcr", e);
            }
        }
    }

    private final Parameters parameters;
    private final AwsKeys aws;
    private final AzureKeys azure;
    private final HashMap<String, String> settings;
    private final TaskListener listener;

    EcrToAcrCallable(Parameters parameters, AwsKeys aws, AzureKeys azure, HashMap<String, String> settings, TaskListener listener) {
        this.parameters = parameters;
        this.aws = aws;
        this.azure = azure;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            CopyImagesSpec spec = parameters.options().request(NAMES, PathScope.workspace(workspace.toPath()));
            return new HashMap<>(new CopyImagesRunner(new BuildLogEvents(listener)).run(spec, settings,
                    aws == null ? null : aws.toEngine(), azure == null ? null : azure.toEngine(), RegistryLogins.NONE).toMap());
        } catch (RuntimeException e) {
            // Only Jenkins' AbortException crosses back: the engine's and the SDKs' exceptions stay on the agent.
            throw StepFailure.of("ecrToAcr", e);
        }
    }
}
