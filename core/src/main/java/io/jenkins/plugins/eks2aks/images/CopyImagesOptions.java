package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.select.RepositorySelection;
import io.jenkins.plugins.eks2aks.images.select.SelectionOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An image migration as a front end receives it: the CLI's {@code copy-images} options or the {@code ecrToAcr}
 * step's parameters, as plain values. {@link #request} is the one place that validates them and applies the
 * defaults (import mode for an ACR target, else copy).
 *
 * @param images        references as given
 * @param imagesFile    a file of references (or the inventory's report), as given, or null
 * @param selections    repository selections and their tag rule
 * @param to            {@code registry[/prefix]}
 * @param mode          import or copy, or null for the target's default
 * @param parallel      blob transfers (and images in flight) at once ({@value #DEFAULT_PARALLEL} is the front ends' default)
 * @param dryRun        only list what would move
 * @param force         import mode: overwrite existing target tags
 * @param referrers     copy mode: also copy signatures, SBOMs and attestations
 * @param resourceGroup import mode: the target ACR's resource group
 * @param subscription  import mode: the target ACR's subscription, or null
 * @param plainHttp     {@code host:port} of registries served over plain HTTP
 * @param output        where the mapping and the reports go, as given
 */
public record CopyImagesOptions(List<String> images, String imagesFile, SelectionOptions selections, String to, String mode,
                                int parallel, boolean dryRun, boolean force, boolean referrers, String resourceGroup,
                                String subscription, List<String> plainHttp, String output) {

    public static final int DEFAULT_PARALLEL = 8;

    /** How a front end spells each option, for messages. */
    public record Names(String images, String imagesFile, SelectionOptions.Names selections, String to, String mode,
                        String parallel, String resourceGroup, String subscription, String output, String force) {
    }

    public CopyImagesOptions {
        images = images == null ? new ArrayList<>() : new ArrayList<>(images);
        plainHttp = plainHttp == null ? new ArrayList<>() : new ArrayList<>(plainHttp);
        selections = selections == null ? new SelectionOptions(List.of(), null, null, false) : selections;
    }

    /**
     * Checks what can be checked without reading a file, so a step fails on the controller before an agent is used.
     *
     * @return the repository selections with their tag rule
     */
    public List<RepositorySelection> check(Names names) {
        if (blank(to)) {
            throw new OptionException(names.to() + " is required: the target registry, e.g. contoso.azurecr.io");
        }
        List<RepositorySelection> parsed;
        try {
            parsed = selections.selections(names.selections());
        } catch (OptionException e) {
            throw e;
        } catch (MigrationException e) {
            throw new OptionException(e.getMessage()); // a selection that can never parse is misuse of the option
        }
        if (images.isEmpty() && blank(imagesFile) && parsed.isEmpty()) {
            throw new OptionException("No images: give " + names.images() + ", " + names.imagesFile() + " or "
                    + names.selections().repositories());
        }
        ImageTarget target = ImageTarget.parse(to);
        MigrationMode migrationMode = mode(names, target);
        if (parallel < 1) {
            throw new OptionException("Invalid value for " + names.parallel() + ": " + parallel + " (1 or more)");
        }
        if (migrationMode == MigrationMode.IMPORT && !dryRun) {
            if (!ImageMigrationAccess.isAcr(target.registry())) {
                throw new MigrationException("Import mode needs an Azure Container Registry target (*.azurecr.io), not '"
                        + target.registry() + "'; use copy mode (" + names.mode() + " copy)");
            }
            if (blank(resourceGroup)) {
                throw new MigrationException("Import mode needs the target ACR's resource group (" + names.resourceGroup()
                        + "); or use copy mode");
            }
        }
        return parsed;
    }

    /** The validated request: the image file read in {@code scope}, the output checked against it. */
    public CopyImagesSpec request(Names names, PathScope scope) {
        List<RepositorySelection> parsed = check(names);
        ImageTarget target = ImageTarget.parse(to);
        List<String> all = new ArrayList<>(images);
        Path file = scope.input(imagesFile, names.imagesFile());
        if (file != null) {
            all.addAll(ImageList.read(file));
        }
        List<Path> inputs = new ArrayList<>();
        inputs.add(file);
        Path out = scope.output(output, names.output(), inputs);
        return new CopyImagesSpec(all, parsed, to.trim(), target.registry(), mode(names, target), parallel,
                dryRun, force, referrers, blank(resourceGroup) ? null : resourceGroup.trim(), blank(subscription) ? null : subscription.trim(),
                plainHttp, out, names.subscription(), names.force());
    }

    private MigrationMode mode(Names names, ImageTarget target) {
        if (blank(mode)) {
            return ImageMigrationAccess.isAcr(target.registry()) ? MigrationMode.IMPORT : MigrationMode.COPY;
        }
        try {
            return MigrationMode.parse(mode);
        } catch (MigrationException e) {
            throw OptionException.invalidChoice(names.mode(), mode, "import, copy");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
