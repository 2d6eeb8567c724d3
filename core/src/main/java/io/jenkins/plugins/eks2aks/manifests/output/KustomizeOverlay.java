package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversion as a Kustomize overlay on the input, the GitOps way: the input stays the EKS truth and the
 * overlay holds the AKS changes. Written from the same change list as the converted files, and checked
 * against them: building the overlay gives the converted objects.
 *
 * <ul>
 *   <li>{@code resources:} the input directory when it is a Kustomize base (has a {@code kustomization.yaml}),
 *       else every input file, relative to the overlay;</li>
 *   <li>{@code images:} one entry per ECR repository whose every container image moved to the same ACR
 *       repository with tag and digest kept (Kustomize rewrites {@code containers} and {@code initContainers} of
 *       every kind, so an entry is only safe when no occurrence was meant to stay);</li>
 *   <li>{@code patches:} one RFC 6902 patch per changed object, paths relative to the object, targeted by the
 *       group, version, kind, namespace and name the base has. Items of a {@code kind: List} are targeted like
 *       any object, since Kustomize expands a List into its items. An object whose apiVersion (or kind) changes
 *       is targeted by the version the base has and the patch replaces it, which Kustomize 5 applies;</li>
 *   <li>a {@code $patch: delete} patch, also targeted, for each excluded object.</li>
 * </ul>
 * {@link OverlayPlan} decides all of this from the conversion result; {@link OverlayYaml} and
 * {@link OverlayReadme} only render it.
 */
public final class KustomizeOverlay {

    public static final String KUSTOMIZATION = "kustomization.yaml";
    public static final String PATCHES_DIR = "patches";
    public static final String README = "README.md";

    private final Map<String, String> files;
    private final List<String> warnings;
    private final List<String> notes;

    private KustomizeOverlay(Map<String, String> files, List<String> warnings, List<String> notes) {
        this.files = files;
        this.warnings = warnings;
        this.notes = notes;
    }

    /**
     * The overlay for {@code result}.
     *
     * @param overlayDir where the overlay will be (its final place, not a staging directory): resources are
     *                   referenced relative to it
     * @param names      how the front end spells its options, for the README and the warnings that name one
     */
    public static KustomizeOverlay of(ConversionResult result, Path overlayDir, ConvertOptions.Names names) {
        OverlayPlan plan = OverlayPlan.of(result, overlayDir.toAbsolutePath().normalize(), names);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(KUSTOMIZATION, OverlayYaml.kustomization(plan));
        files.put(README, OverlayReadme.of(plan));
        plan.patches().forEach(p -> files.put(p.file(), OverlayYaml.patchFile(p)));
        List<String> warnings = new ArrayList<>(plan.notExpressed());
        if (!plan.duplicates().isEmpty()) {
            warnings.add(ObjectResults.duplicatesSummary(plan.duplicates(), OverlayReadme.DUPLICATES));
        }
        return new KustomizeOverlay(Collections.unmodifiableMap(files), List.copyOf(warnings), plan.images().notes());
    }

    /** The overlay's files: path relative to the overlay directory → content. */
    public Map<String, String> files() {
        return files;
    }

    /** Changes the overlay does not hold (an object no patch can target): the files format has them. */
    public List<String> warnings() {
        return warnings;
    }

    /** How the overlay expresses what it holds, where it differs from the obvious: image moves kept as patches. */
    public List<String> notes() {
        return notes;
    }
}
