package io.jenkins.plugins.eks2aks.steps.images;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.ImageList;
import io.jenkins.plugins.eks2aks.images.ImageMigration;
import io.jenkins.plugins.eks2aks.images.ImageMigrationAccess;
import io.jenkins.plugins.eks2aks.images.ImageMigrationRequest;
import io.jenkins.plugins.eks2aks.images.ImageTarget;
import io.jenkins.plugins.eks2aks.images.MigrationMode;
import io.jenkins.plugins.eks2aks.images.acr.AcrImportSettings;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.select.RepositorySelection;
import io.jenkins.plugins.eks2aks.images.select.SelectionOptions;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * Runs the image migration where the workspace is. It carries plain values and the keys derived on the
 * controller (as {@code Secret}s), builds the cloud clients here, and returns plain JDK types.
 */
final class EcrToAcrCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** The step's parameters as plain values. */
    record Parameters(ArrayList<String> images, String imagesFile, String to, String mode, int parallel, boolean dryRun,
                      boolean force, boolean referrers, String resourceGroup, String subscription,
                      ArrayList<String> plainHttp, String output, ArrayList<String> repositories, String tagPattern,
                      int newestTags, boolean allTags) implements Serializable {
        private static final long serialVersionUID = 1L;
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

    /**
     * The step's repository selections with its tag parameters applied to each, or why they are wrong (one line naming
     * the parameter or the value). {@code newestTags} 0 means no limit was given.
     */
    static List<RepositorySelection> selections(List<String> repositories, String tagPattern, int newestTags, boolean allTags)
            throws AbortException {
        if (newestTags < 0) {
            throw new AbortException("ecrToAcr: invalid 'newestTags' " + newestTags + ": must be 1 or more (0 for no limit)");
        }
        try {
            return new SelectionOptions(repositories, tagPattern, newestTags > 0 ? newestTags : null, allTags)
                    .selections(new SelectionOptions.Names("'repositories'", "'tagPattern'", "'newestTags'", "'allTags'"));
        } catch (MigrationException e) {
            throw new AbortException("ecrToAcr: " + e.getMessage());
        }
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath();
        try {
            List<String> images = new ArrayList<>(parameters.images());
            if (parameters.imagesFile() != null) {
                images.addAll(ImageList.read(root.resolve(parameters.imagesFile())));
            }
            String registry = ImageTarget.parse(parameters.to()).registry();
            boolean acrTarget = ImageMigrationAccess.isAcr(registry);
            MigrationMode mode = parameters.mode() != null ? MigrationMode.parse(parameters.mode())
                    : acrTarget ? MigrationMode.IMPORT : MigrationMode.COPY;
            ImageMigrationAccess clouds = new ImageMigrationAccess(settings, aws == null ? null : aws.toEngine(),
                    azure == null ? null : azure.toEngine(), parameters.subscription());
            CredentialsProvider target = acrTarget ? clouds.acrTarget(registry, parameters.plainHttp().contains(registry))
                    : CredentialsProvider.ANONYMOUS;
            RegistryAccess access = RegistryAccess.of(clouds.ecrSources(), target, new HashSet<>(parameters.plainHttp()));
            AcrImportSettings acrImport = mode == MigrationMode.IMPORT && !parameters.dryRun()
                    ? clouds.acrImport(registry, parameters.resourceGroup()) : null;
            ImageMigrationRequest request = new ImageMigrationRequest(images, parameters.to(), mode, parameters.parallel(),
                    parameters.dryRun(), parameters.force(), parameters.referrers(), access, acrImport, root.resolve(parameters.output()))
                    .withSelections(selections(parameters.repositories(), parameters.tagPattern(), parameters.newestTags(),
                            parameters.allTags()), clouds.catalog(access));
            return new HashMap<>(new ImageMigration(new BuildLogEvents(listener)).run(request).toMap());
        } catch (MigrationException | IllegalArgumentException e) {
            throw new AbortException("ecrToAcr: " + e.getMessage());
        }
    }
}
