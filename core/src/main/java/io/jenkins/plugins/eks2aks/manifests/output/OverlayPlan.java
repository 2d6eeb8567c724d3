package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.manifests.KustomizePatches;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Kustomize overlay holds, computed from the conversion result before anything is written: the
 * resources, the {@code images:} entries, one patch per changed or excluded object, and what the overlay
 * cannot express. {@link OverlayYaml} and {@link OverlayReadme} render it.
 *
 * @param inputRoot        the input as given, for the README
 * @param inputFiles       the input's manifest files (relative) but the patches nested kustomizations apply, for
 *                         the README's suggested kustomization
 * @param base             whether the input is a Kustomize base (referenced as its directory)
 * @param resources        relative to the overlay
 * @param notExpressed     changes the overlay does not hold, one line each
 * @param versionChanges   objects whose apiVersion or kind changes, one line each
 * @param duplicates       objects held more than once
 * @param pendingDecisions changes still waiting for a decision
 * @param filesFormat      how the front end asks for the files format ({@code --format files}), which holds what
 *                         the overlay cannot
 */
record OverlayPlan(Path inputRoot, List<String> inputFiles, boolean base, List<String> resources,
                   OverlayImages images, List<OverlayPatch> patches, List<String> notExpressed,
                   List<String> versionChanges, List<String> duplicates, int pendingDecisions, String filesFormat) {

    static final String BUILD = "kubectl kustomize";
    static final String LOAD_RESTRICTOR = "--load-restrictor LoadRestrictionsNone";

    /** The command that builds the overlay from the folder above it. */
    String buildCommand() {
        return BUILD + (base ? "" : " " + LOAD_RESTRICTOR) + " overlay";
    }

    /**
     * @param overlayDir the overlay's final place, absolute and normalized: resources are relative to it
     * @param names      how the front end spells {@code --format} and {@code --exclude}, which the warnings name
     */
    static OverlayPlan of(ConversionResult result, Path overlayDir, ConvertOptions.Names names) {
        String filesFormat = names.filesFormat();
        List<ObjectResult> objects = ObjectResults.of(result);
        ManifestSet input = result.input();
        boolean base = input.directory() && isKustomizeBase(input);
        KustomizePatches kustomizePatches = base ? KustomizePatches.none() : KustomizePatches.of(input);
        OverlayImages images = OverlayImages.of(objects);
        List<OverlayPatch> patches = new ArrayList<>();
        List<String> notExpressed = new ArrayList<>();
        List<String> versionChanges = new ArrayList<>();
        Set<String> usedFiles = new HashSet<>();
        for (ObjectResult object : objects) {
            ObjectRef ref = object.ref();
            if (kustomizePatches.isPatch(object.document().file())) {
                // A nested kustomization's patch is a partial object: listed as a resource it would be a second
                // copy of its target, and operations computed on it would replace the target's maps.
                if (object.excluded() || !object.applied().isEmpty()) {
                    notExpressed.add(ref + " (" + object.location() + ") is a patch a kustomization of the input applies, "
                            + "not an object: the overlay lists neither it nor its kustomization, so " + object.document().file()
                            + " and its changes are not in the overlay; convert that kustomization's folder as the input, "
                            + "or use " + filesFormat);
                }
                continue;
            }
            boolean targetable = ref.name() != null && !ref.kind().isEmpty();
            if (object.excluded()) {
                if (!targetable) {
                    notExpressed.add(ref + " (" + object.location() + ") is excluded but has no name, so no patch can "
                            + "delete it: remove it from the base or use " + filesFormat);
                } else {
                    patches.add(new OverlayPatch(fileName(ref, usedFiles), ref, object.location(), object.exclusion(), List.of()));
                }
            } else if (!object.applied().isEmpty()) {
                if (!targetable) {
                    notExpressed.add(ref + " (" + object.location() + ") has no name, so no patch can target it: "
                            + "its changes are not in the overlay; use " + filesFormat + " for it");
                    continue;
                }
                List<PatchOps.Op> ops = PatchOps.of(object.applied());
                JsonNode patched = JsonPatch.apply(PatchOps.toPatch(ops), object.original());
                if (!patched.equals(object.converted())) {
                    notExpressed.add(ref + " (" + object.location() + "): its changes cannot be replayed as one "
                            + "patch of the object; they are not in the overlay; use " + filesFormat + " for it");
                    continue;
                }
                List<PatchOps.Op> written = ops.stream()
                        .filter(op -> !(op.sources().size() == 1 && ImageNames.isImageChange(op.sources().get(0))
                                && images.covers(object.original(), op.path())))
                        .toList();
                if (!object.convertedApiVersion().equals(ref.apiVersion()) || !object.convertedKind().equals(ref.kind())) {
                    versionChanges.add(ref + " (" + object.location() + ") becomes " + object.convertedApiVersion()
                            + " " + object.convertedKind());
                }
                if (!written.isEmpty()) { // else every change is an images: entry
                    patches.add(new OverlayPatch(fileName(ref, usedFiles), ref, object.location(), null, written));
                }
            }
        }
        if (base && !input.excluded().isEmpty()) {
            notExpressed.add("the input is a Kustomize base and " + names.exclude() + " leaves out " + String.join(", ", input.excluded())
                    + ": the overlay references the base's folder, which still builds whatever of these its "
                    + "kustomization lists; remove them from its resources:, or use " + filesFormat + ", whose "
                    + "kustomizations no longer list them");
        }
        List<String> files = input.files().stream().map(ManifestFile::path)
                .filter(f -> !kustomizePatches.isPatch(f)).toList();
        return new OverlayPlan(input.root(), files, base, resources(input, files, base, overlayDir), images, List.copyOf(patches), List.copyOf(notExpressed),
                List.copyOf(versionChanges), ObjectResults.duplicates(objects), result.pendingDecisions(), filesFormat);
    }

    /** {@code patches/deployment-shop-web.yaml}; a second object with the same name gets {@code -2}. */
    private static String fileName(ObjectRef ref, Set<String> usedFiles) {
        String base = (ref.kind() + (ref.namespace() == null ? "" : "-" + ref.namespace()) + "-" + ref.name())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        String file = KustomizeOverlay.PATCHES_DIR + "/" + base + ".yaml";
        for (int n = 2; !usedFiles.add(file); n++) {
            file = KustomizeOverlay.PATCHES_DIR + "/" + base + "-" + n + ".yaml";
        }
        return file;
    }

    /** The input as resources: the base directory, or its files when it is not a Kustomize base. */
    private static List<String> resources(ManifestSet input, List<String> files, boolean base, Path overlayDir) {
        Path root = input.root().toAbsolutePath().normalize();
        if (base || !input.directory()) {
            return List.of(relative(overlayDir, root));
        }
        List<String> resources = new ArrayList<>();
        for (String file : files) {
            resources.add(relative(overlayDir, root.resolve(file)));
        }
        return List.copyOf(resources);
    }

    private static boolean isKustomizeBase(ManifestSet input) {
        return input.passThrough().stream().anyMatch(p -> p.equals("kustomization.yaml")
                || p.equals("kustomization.yml") || p.equals("Kustomization"));
    }

    private static String relative(Path overlayDir, Path target) {
        try {
            return overlayDir.relativize(target).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return target.toString().replace('\\', '/'); // another drive: only an absolute path reaches it
        }
    }
}
