package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.zjsonpatch.JsonPatch;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 *
 * <p>Long because: images, patches and deletions are targeted from one view of the base; issue 11 splits it into a
 * plan, a renderer and its README writer.
 */
public final class KustomizeOverlay {

    public static final String KUSTOMIZATION = "kustomization.yaml";
    public static final String PATCHES_DIR = "patches";
    public static final String README = "README.md";
    private static final String BUILD = "kubectl kustomize";
    private static final String LOAD_RESTRICTOR = "--load-restrictor LoadRestrictionsNone";
    private static final String DUPLICATES = "Kustomize refuses a base that holds an object twice; convert the sources "
            + "separately (e.g. manifests and a cluster export)";

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
     */
    public static KustomizeOverlay of(ConversionResult result, Path overlayDir) {
        return new Builder(result, overlayDir.toAbsolutePath().normalize()).build();
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

    /** An operation whose value is a string, number, boolean or null, as a YAML sequence item. */
    private static String scalarOperation(PatchOps.Op op) {
        StringBuilder y = new StringBuilder("- op: ").append(op.operation()).append("\n  path: ")
                .append(YamlText.scalar(op.path())).append('\n');
        JsonNode value = op.value();
        if (value != null) {
            y.append("  value: ").append(value.isTextual() ? YamlText.scalar(value.asText()) : value.toString()).append('\n');
        }
        return y.toString();
    }

    /** One {@code patches:} entry. */
    private record PatchEntry(String file, ObjectResult object, boolean delete, int operations) {
    }

    /** An {@code images:} entry and the image changes it carries. */
    private record ImageEntry(String name, String newName, int occurrences) {
    }

    private static final class Builder {

        private final ConversionResult result;
        private final Path overlayDir;
        private final List<ObjectResult> objects;
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<String> notExpressed = new ArrayList<>();
        private final List<String> duplicates = new ArrayList<>();
        private final List<String> imageNotes = new ArrayList<>();
        private final List<String> versionChanges = new ArrayList<>();
        private final Set<String> usedFiles = new HashSet<>();

        Builder(ConversionResult result, Path overlayDir) {
            this.result = result;
            this.overlayDir = overlayDir;
            this.objects = ObjectResults.of(result);
        }

        KustomizeOverlay build() {
            Map<String, ImageEntry> images = new TreeMap<>();
            Map<JsonNode, Set<String>> coveredImageChanges = imageEntries(images);
            List<PatchEntry> patches = new ArrayList<>();
            for (ObjectResult object : objects) {
                if (object.excluded()) {
                    deletePatch(object).ifPresent(patches::add);
                } else if (!object.applied().isEmpty()) {
                    jsonPatch(object, coveredImageChanges).ifPresent(patches::add);
                }
            }
            duplicates.addAll(ObjectResults.duplicates(objects));
            List<String> resources = resources();
            files.put(KUSTOMIZATION, kustomization(resources, images, patches));
            files.put(README, readme(resources, images, patches));
            // The README and the kustomization come first in the map; patches were added as they were made.
            Map<String, String> ordered = new LinkedHashMap<>();
            ordered.put(KUSTOMIZATION, files.remove(KUSTOMIZATION));
            ordered.put(README, files.remove(README));
            ordered.putAll(files);
            List<String> warnings = new ArrayList<>(notExpressed);
            if (!duplicates.isEmpty()) {
                warnings.add(ObjectResults.duplicatesSummary(duplicates, DUPLICATES));
            }
            return new KustomizeOverlay(Collections.unmodifiableMap(ordered), List.copyOf(warnings),
                    List.copyOf(imageNotes));
        }

        /**
         * Fills {@code entries} with the repositories whose every occurrence moved the same way; returns the
         * image changes they carry: the paths, by object (the object's original tree, by identity).
         */
        private Map<JsonNode, Set<String>> imageEntries(Map<String, ImageEntry> entries) {
            Map<String, String> newNames = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            Map<String, String> refused = new TreeMap<>();
            Map<String, List<ImageNames.Occurrence>> moved = new HashMap<>();
            Map<ImageNames.Occurrence, JsonNode> owners = new IdentityHashMap<>();
            for (ObjectResult object : objects) {
                if (object.excluded()) {
                    continue; // deleted by the overlay: its images do not matter
                }
                Map<String, Change> changes = new HashMap<>();
                for (Change c : object.applied()) {
                    if (ImageNames.isImageChange(c)) {
                        changes.put(c.path(), c);
                    }
                }
                for (ImageNames.Occurrence o : ImageNames.kustomizeImages(object.original())) {
                    String name = ImageNames.name(o.image());
                    Change c = changes.get(o.path());
                    String why = null;
                    if (c == null) {
                        why = object.ref() + " keeps " + o.image() + " at " + o.path();
                    } else if (!ImageNames.suffix(c.after().asText()).equals(ImageNames.suffix(o.image()))) {
                        why = object.ref() + " changes the tag or digest of " + o.image();
                    } else {
                        String newName = ImageNames.name(c.after().asText());
                        String previous = newNames.putIfAbsent(name, newName);
                        if (previous != null && !previous.equals(newName)) {
                            why = "it moves to both " + previous + " and " + newName;
                        }
                    }
                    if (why != null) {
                        refused.putIfAbsent(name, why);
                    } else {
                        counts.merge(name, 1, Integer::sum);
                        moved.computeIfAbsent(name, n -> new ArrayList<>()).add(o);
                        owners.put(o, object.original());
                    }
                }
            }
            // An entry whose new name is another entry's name could be applied twice: keep both as patches.
            for (String name : newNames.keySet()) {
                String target = newNames.get(name);
                if (!refused.containsKey(name) && newNames.containsKey(target) && !target.equals(name)) {
                    refused.put(name, "its new name " + target + " is itself moved");
                }
            }
            Map<JsonNode, Set<String>> covered = new IdentityHashMap<>();
            for (Map.Entry<String, String> e : newNames.entrySet()) {
                String name = e.getKey();
                if (refused.containsKey(name)) {
                    if (counts.containsKey(name)) {
                        imageNotes.add("Image " + name + " is moved by JSON patches, not by an images: entry, because "
                                + refused.get(name));
                    }
                    continue;
                }
                entries.put(name, new ImageEntry(name, e.getValue(), counts.get(name)));
                for (ImageNames.Occurrence o : moved.get(name)) {
                    covered.computeIfAbsent(owners.get(o), k -> new HashSet<>()).add(o.path());
                }
            }
            return covered;
        }

        private Optional<PatchEntry> jsonPatch(ObjectResult object, Map<JsonNode, Set<String>> coveredImageChanges) {
            if (object.ref().name() == null || object.ref().kind().isEmpty()) {
                notExpressed.add(object.ref() + " (" + object.location() + ") has no name, so no patch can target it: "
                        + "its changes are not in the overlay; use --format files for it");
                return Optional.empty();
            }
            List<PatchOps.Op> ops = PatchOps.of(object.applied());
            JsonNode patched = JsonPatch.apply(PatchOps.toPatch(ops), object.original());
            if (!patched.equals(object.converted())) {
                notExpressed.add(object.ref() + " (" + object.location() + "): its changes cannot be replayed as one "
                        + "patch of the object; they are not in the overlay; use --format files for it");
                return Optional.empty();
            }
            Set<String> covered = coveredImageChanges.getOrDefault(object.original(), Set.of());
            List<PatchOps.Op> written = ops.stream()
                    .filter(op -> !(op.sources().size() == 1 && ImageNames.isImageChange(op.sources().get(0))
                            && covered.contains(op.path())))
                    .toList();
            if (!object.convertedApiVersion().equals(object.ref().apiVersion())
                    || !object.convertedKind().equals(object.ref().kind())) {
                versionChanges.add(object.ref() + " (" + object.location() + ") becomes " + object.convertedApiVersion()
                        + " " + object.convertedKind());
            }
            if (written.isEmpty()) {
                return Optional.empty(); // every change is an images: entry
            }
            StringBuilder text = new StringBuilder();
            text.append(YamlText.comment("", object.ref() + " (" + object.location() + "): " + written.size()
                    + " operation" + (written.size() == 1 ? "" : "s") + ", paths relative to the object"));
            List<String> items;
            if (written.stream().allMatch(op -> op.value() == null || op.value().isValueNode())) {
                items = written.stream().map(KustomizeOverlay::scalarOperation).toList(); // most patches: fast
            } else {
                ArrayNode patch = JsonNodeFactory.instance.arrayNode();
                written.forEach(op -> patch.add(op.op()));
                items = YamlText.items(YamlText.write(patch));
            }
            for (int i = 0; i < written.size(); i++) {
                for (Change source : written.get(i).sources()) {
                    text.append(YamlText.comment("", source.ruleId() + " " + source.mode() + ": " + source.reason()));
                }
                text.append(items.get(i));
            }
            String file = fileName(object);
            files.put(file, text.toString());
            return Optional.of(new PatchEntry(file, object, false, written.size()));
        }

        private Optional<PatchEntry> deletePatch(ObjectResult object) {
            ObjectRef ref = object.ref();
            if (ref.name() == null || ref.kind().isEmpty()) {
                notExpressed.add(ref + " (" + object.location() + ") is excluded but has no name, so no patch can "
                        + "delete it: remove it from the base or use --format files");
                return Optional.empty();
            }
            Change exclusion = object.exclusion();
            StringBuilder text = new StringBuilder();
            text.append(YamlText.comment("", ref + " (" + object.location() + ") is left out of the migration"));
            text.append(YamlText.comment("", exclusion.ruleId() + " " + exclusion.mode() + ": " + exclusion.reason()));
            text.append("$patch: delete\n");
            text.append("apiVersion: ").append(YamlText.scalar(ref.apiVersion())).append('\n');
            text.append("kind: ").append(YamlText.scalar(ref.kind())).append('\n');
            text.append("metadata:\n");
            text.append("  name: ").append(YamlText.scalar(ref.name())).append('\n');
            if (ref.namespace() != null) {
                text.append("  namespace: ").append(YamlText.scalar(ref.namespace())).append('\n');
            }
            String file = fileName(object);
            files.put(file, text.toString());
            return Optional.of(new PatchEntry(file, object, true, 0));
        }

        /** {@code patches/deployment-shop-web.yaml}; a second object with the same name gets {@code -2}. */
        private String fileName(ObjectResult object) {
            ObjectRef ref = object.ref();
            String base = (ref.kind() + (ref.namespace() == null ? "" : "-" + ref.namespace()) + "-" + ref.name())
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
            String file = PATCHES_DIR + "/" + base + ".yaml";
            for (int n = 2; !usedFiles.add(file); n++) {
                file = PATCHES_DIR + "/" + base + "-" + n + ".yaml";
            }
            return file;
        }

        /** The input as resources: the base directory, or its files when it is not a Kustomize base. */
        private List<String> resources() {
            ManifestSet input = result.input();
            Path root = input.root().toAbsolutePath().normalize();
            if (input.directory() && isKustomizeBase(input)) {
                return List.of(relative(root));
            }
            if (!input.directory()) {
                return List.of(relative(root));
            }
            List<String> resources = new ArrayList<>();
            for (ManifestFile file : input.files()) {
                resources.add(relative(root.resolve(file.path())));
            }
            return resources;
        }

        private boolean isBase() {
            return result.input().directory() && isKustomizeBase(result.input());
        }

        private static boolean isKustomizeBase(ManifestSet input) {
            return input.passThrough().stream().anyMatch(p -> p.equals("kustomization.yaml")
                    || p.equals("kustomization.yml") || p.equals("Kustomization"));
        }

        private String relative(Path target) {
            try {
                return overlayDir.relativize(target).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                return target.toString().replace('\\', '/'); // another drive: only an absolute path reaches it
            }
        }

        private String kustomization(List<String> resources, Map<String, ImageEntry> images, List<PatchEntry> patches) {
            StringBuilder y = new StringBuilder();
            y.append(YamlText.comment("", "AKS overlay written by eks2aks: the base stays the EKS truth, this overlay holds the AKS changes."));
            y.append(YamlText.comment("", "Build: " + buildCommand() + "   (README.md explains each part)"));
            y.append("apiVersion: kustomize.config.k8s.io/v1beta1\n");
            y.append("kind: Kustomization\n");
            y.append("resources:\n");
            for (String r : resources) {
                y.append("- ").append(YamlText.scalar(r)).append('\n');
            }
            if (!images.isEmpty()) {
                y.append("images:\n");
                for (ImageEntry image : images.values()) {
                    y.append(YamlText.comment("", image.occurrences() + " container image"
                            + (image.occurrences() == 1 ? "" : "s") + "; tags and digests kept"));
                    y.append("- name: ").append(YamlText.scalar(image.name())).append('\n');
                    y.append("  newName: ").append(YamlText.scalar(image.newName())).append('\n');
                }
            }
            if (!patches.isEmpty()) {
                y.append("patches:\n");
                for (PatchEntry p : patches) {
                    ObjectResult o = p.object();
                    ObjectRef ref = o.ref();
                    y.append(YamlText.comment("", ref + " (" + o.location() + "): " + (p.delete()
                            ? "excluded, deleted" : p.operations() + " operation" + (p.operations() == 1 ? "" : "s"))));
                    y.append("- path: ").append(YamlText.scalar(p.file())).append('\n');
                    y.append("  target:\n");
                    String group = KindResources.group(ref.apiVersion());
                    if (!group.isEmpty()) {
                        y.append("    group: ").append(YamlText.scalar(group)).append('\n');
                    }
                    y.append("    version: ").append(YamlText.scalar(KindResources.version(ref.apiVersion()))).append('\n');
                    y.append("    kind: ").append(YamlText.scalar(ref.kind())).append('\n');
                    if (ref.namespace() != null) {
                        y.append("    namespace: ").append(YamlText.scalar(ref.namespace())).append('\n');
                    }
                    y.append("    name: ").append(YamlText.scalar(ref.name())).append('\n');
                }
            }
            return y.toString();
        }

        private String buildCommand() {
            return BUILD + (isBase() ? "" : " " + LOAD_RESTRICTOR) + " overlay";
        }

        private String readme(List<String> resources, Map<String, ImageEntry> images, List<PatchEntry> patches) {
            StringBuilder md = new StringBuilder();
            md.append("# AKS overlay\n\n");
            md.append("Written by eks2aks from `").append(result.input().root()).append("`. The base stays the EKS truth; ")
                    .append("this overlay holds the AKS changes, from the same change list as `--format files` ")
                    .append("(see `../report/conversion-report.html` for every change and its reason).\n\n");
            md.append("## Build\n\n```sh\n").append(buildCommand()).append("\n```\n\n");
            if (isBase()) {
                md.append("The input is a Kustomize base, so the overlay references its directory. Patches target ")
                        .append("objects by the names and namespaces written in the base's files: a base that renames ")
                        .append("them (`namePrefix`, `namespace`) needs the targets adjusted.\n\n");
            } else {
                md.append("The input has no `kustomization.yaml`, so the overlay lists its ").append(resources.size())
                        .append(" file").append(resources.size() == 1 ? "" : "s").append(" one by one. Kustomize only ")
                        .append("loads files from outside the overlay with `").append(LOAD_RESTRICTOR).append("` ")
                        .append("(`kustomize build` and `kubectl kustomize` both take it; Argo CD has it as a build option). ")
                        .append("To build without it, make the input a base: add this `kustomization.yaml` to it and ")
                        .append("convert again; the overlay then references the directory.\n\n```yaml\n")
                        .append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
                for (ManifestFile file : result.input().files()) {
                    md.append("- ").append(YamlText.scalar(file.path())).append('\n');
                }
                md.append("```\n\n");
            }
            md.append("## What it holds\n\n");
            md.append("- `images:` ").append(images.size()).append(" repositor").append(images.size() == 1 ? "y" : "ies")
                    .append(" moved as a whole (every container image of the repository moves the same way, tag and digest kept).\n");
            long deletes = patches.stream().filter(PatchEntry::delete).count();
            md.append("- `patches:` ").append(patches.size() - deletes).append(" RFC 6902 patch")
                    .append(patches.size() - deletes == 1 ? "" : "es").append(" (one per changed object, paths relative to the object) and ")
                    .append(deletes).append(" `$patch: delete` for the objects left out of the migration.\n");
            md.append("- Items of a `kind: List` are patched like any object: Kustomize expands a List into its items.\n\n");
            if (!versionChanges.isEmpty()) {
                md.append("## Objects whose apiVersion changes\n\n")
                        .append("Their patch targets the version the base has and replaces `apiVersion` (Kustomize 5 applies such ")
                        .append("patches; tested with the kustomize 5.5 in kubectl 1.32). A patch you layer on top of this overlay ")
                        .append("must target the new version.\n\n");
                versionChanges.forEach(v -> md.append("- ").append(v).append('\n'));
                md.append('\n');
            }
            if (!imageNotes.isEmpty()) {
                md.append("## Image moves kept as patches\n\n");
                imageNotes.forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            if (!notExpressed.isEmpty()) {
                md.append("## Not in the overlay\n\n");
                notExpressed.forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            if (!duplicates.isEmpty()) {
                md.append("## Objects in the input more than once\n\n").append(DUPLICATES).append(".\n\n");
                duplicates.forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            int pending = result.pendingDecisions();
            if (pending > 0) {
                md.append("## Decisions pending\n\n").append(pending).append(pending == 1 ? " change needs" : " changes need")
                        .append(" a decision (see the report); the overlay will hold them once the mapping file ")
                        .append("supplies them and the conversion is run again.\n");
            }
            return md.toString();
        }
    }
}
