package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.images.acr.AcrImportSettings;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.select.RegistryCatalog;
import io.jenkins.plugins.eks2aks.images.select.RepositorySelection;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one image migration needs, resolved at the edge (CLI options, step parameters, credentials).
 *
 * @param images          references as given (parsed in the run, so a bad one fails alone)
 * @param target          {@code registry[/prefix]}
 * @param mode            import (ACR pulls) or copy (the agent streams)
 * @param parallel        the one bound: blob transfers at once, and images in flight (imports being polled)
 * @param dryRun          only list what would be moved
 * @param force           import mode: overwrite existing target tags (ACR mode Force instead of NoForce)
 * @param referrers       copy mode: also copy signatures, SBOMs and attestations that refer to each image
 * @param access          credentials and transport settings for the registry API
 * @param acrImport       import mode: the ACR management client and registry; null in copy mode
 * @param outputDirectory where the mapping and reports go; null to write nothing
 * @param selections      repositories whose tags the run expands into more images (before anything moves)
 * @param catalog         lists the repositories and tags of the selections; null when there are none
 * @param forceName       how the front end names the {@code force} option, for the message when an import would
 *                        replace a tag
 */
public record ImageMigrationRequest(List<String> images, String target, MigrationMode mode, int parallel, boolean dryRun,
                                    boolean force, boolean referrers, RegistryAccess access, AcrImportSettings acrImport,
                                    Path outputDirectory, List<RepositorySelection> selections, RegistryCatalog catalog,
                                    String forceName) {

    public ImageMigrationRequest {
        images = List.copyOf(images);
        selections = selections == null ? List.of() : List.copyOf(selections);
        if (!selections.isEmpty() && catalog == null) {
            throw new IllegalArgumentException("repository selections need a registry catalog to expand them");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(access, "access");
        if (parallel < 1) {
            throw new io.jenkins.plugins.eks2aks.MigrationException("Invalid parallelism " + parallel + ": must be 1 or more");
        }
        if (mode == MigrationMode.IMPORT && acrImport == null && !dryRun) {
            throw new io.jenkins.plugins.eks2aks.MigrationException(
                    "Import mode needs the target ACR's subscription, resource group and Azure credentials; use copy mode for other registries");
        }
    }

    /** A request of explicit images only, in the command line's words ({@code --force}; see {@link #withForceName}). */
    public ImageMigrationRequest(List<String> images, String target, MigrationMode mode, int parallel, boolean dryRun,
                                 boolean force, boolean referrers, RegistryAccess access, AcrImportSettings acrImport,
                                 Path outputDirectory) {
        this(images, target, mode, parallel, dryRun, force, referrers, access, acrImport, outputDirectory, List.of(), null, "--force");
    }

    /** A copy-mode request with defaults: 8 in parallel, referrers included, outputs in {@code outputDirectory}. */
    public static ImageMigrationRequest copy(List<String> images, String target, RegistryAccess access, Path outputDirectory) {
        return new ImageMigrationRequest(images, target, MigrationMode.COPY, 8, false, false, true, access, null, outputDirectory);
    }

    public ImageMigrationRequest withParallel(int n) {
        return new ImageMigrationRequest(images, target, mode, n, dryRun, force, referrers, access, acrImport, outputDirectory,
                selections, catalog, forceName);
    }

    public ImageMigrationRequest withDryRun(boolean value) {
        return new ImageMigrationRequest(images, target, mode, parallel, value, force, referrers, access, acrImport, outputDirectory,
                selections, catalog, forceName);
    }

    /** This request with repository selections, expanded through {@code registryCatalog} when the run starts. */
    public ImageMigrationRequest withSelections(List<RepositorySelection> list, RegistryCatalog registryCatalog) {
        return new ImageMigrationRequest(images, target, mode, parallel, dryRun, force, referrers, access, acrImport, outputDirectory,
                list, registryCatalog, forceName);
    }

    /** This request naming the force option as {@code option} (a step's {@code 'force'}). */
    public ImageMigrationRequest withForceName(String option) {
        return new ImageMigrationRequest(images, target, mode, parallel, dryRun, force, referrers, access, acrImport, outputDirectory,
                selections, catalog, option);
    }
}
