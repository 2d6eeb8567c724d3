package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.images.select.RepositorySelection;

import java.nio.file.Path;
import java.util.List;

/**
 * An image migration, validated, with its defaults: made by {@link CopyImagesOptions#request}, run by
 * {@link CopyImagesRunner}. Holds no client and no secret; the runner builds the registry access.
 *
 * @param images     every explicit reference (arguments and the image file)
 * @param selections repositories whose tags are expanded when the run starts
 * @param to         {@code registry[/prefix]} as given
 * @param registry   the target registry host
 * @param subscriptionName how the front end names the subscription option, for the message when there is none
 * @param forceName  how the front end names the force option, for the message when an import would replace a tag
 */
public record CopyImagesSpec(List<String> images, List<RepositorySelection> selections, String to, String registry,
                             MigrationMode mode, int parallel, boolean dryRun, boolean force, boolean referrers,
                             String resourceGroup, String subscription, List<String> plainHttp, Path output,
                             String subscriptionName, String forceName) {

    public CopyImagesSpec {
        images = List.copyOf(images);
        selections = List.copyOf(selections);
        plainHttp = List.copyOf(plainHttp);
    }

    /** Whether the target is an Azure Container Registry (its credentials then come from Entra ID). */
    public boolean acrTarget() {
        return ImageMigrationAccess.isAcr(registry);
    }
}
