package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overlay's YAML files, rendered from its {@link OverlayPlan}, each with the comments that say why. */
final class OverlayYaml {

    private OverlayYaml() {
    }

    static String kustomization(OverlayPlan plan) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        k.put("resources", plan.resources());
        List<List<String>> imageComments = new ArrayList<>();
        if (!plan.images().entries().isEmpty()) {
            List<Object> images = new ArrayList<>();
            for (OverlayImages.Entry image : plan.images().entries()) {
                images.add(map("name", image.name(), "newName", image.newName()));
                imageComments.add(List.of(image.occurrences() + " container image"
                        + (image.occurrences() == 1 ? "" : "s") + "; tags and digests kept"));
            }
            k.put("images", images);
        }
        List<List<String>> patchComments = new ArrayList<>();
        if (!plan.patches().isEmpty()) {
            List<Object> patches = new ArrayList<>();
            for (OverlayPatch p : plan.patches()) {
                patches.add(map("path", p.file(), "target", target(p.ref())));
                patchComments.add(List.of(p.ref() + " (" + p.location() + "): " + (p.delete()
                        ? "excluded, deleted" : p.operations() + " operation" + (p.operations() == 1 ? "" : "s"))));
            }
            k.put("patches", patches);
        }
        String yaml = OutputYaml.write(k);
        yaml = OutputYaml.commented(yaml, "images", imageComments);
        yaml = OutputYaml.commented(yaml, "patches", patchComments);
        return YamlText.comment("", "AKS overlay written by eks2aks: the base stays the EKS truth, this overlay holds the AKS changes.")
                + YamlText.comment("", "Build: " + plan.buildCommand() + "   (README.md explains each part)")
                + yaml;
    }

    /** The target by the group, version, kind, namespace and name the base has. */
    private static Map<String, Object> target(ObjectRef ref) {
        Map<String, Object> target = new LinkedHashMap<>();
        String group = KindResources.group(ref.apiVersion());
        if (!group.isEmpty()) {
            target.put("group", group);
        }
        target.put("version", KindResources.version(ref.apiVersion()));
        target.put("kind", ref.kind());
        if (ref.namespace() != null) {
            target.put("namespace", ref.namespace());
        }
        target.put("name", ref.name());
        return target;
    }

    /** The file {@code patch} names. */
    static String patchFile(OverlayPatch patch) {
        return patch.delete() ? deletePatch(patch) : jsonPatch(patch);
    }

    private static String jsonPatch(OverlayPatch patch) {
        List<PatchOps.Op> ops = patch.ops();
        String yaml;
        if (ops.stream().allMatch(op -> op.value() == null || op.value().isValueNode())) {
            List<Object> items = new ArrayList<>(); // most patches: strings, numbers, booleans
            for (PatchOps.Op op : ops) {
                Map<String, Object> item = map("op", op.operation(), "path", op.path());
                JsonNode value = op.value();
                if (value != null) {
                    item.put("value", value.isTextual() ? value.asText() : new OutputYaml.Raw(value.toString()));
                }
                items.add(item);
            }
            yaml = OutputYaml.write(items);
        } else {
            // Maps and lists as the converted manifests write them (Jackson), so that a value reads the same in both.
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            ops.forEach(op -> array.add(op.op()));
            yaml = YamlText.write(array);
        }
        List<List<String>> comments = new ArrayList<>();
        for (PatchOps.Op op : ops) {
            comments.add(op.sources().stream().map(OverlayYaml::because).toList());
        }
        return YamlText.comment("", patch.ref() + " (" + patch.location() + "): " + ops.size()
                + " operation" + (ops.size() == 1 ? "" : "s") + ", paths relative to the object")
                + OutputYaml.commented(yaml, null, comments);
    }

    private static String deletePatch(OverlayPatch patch) {
        ObjectRef ref = patch.ref();
        Map<String, Object> metadata = map("name", ref.name());
        if (ref.namespace() != null) {
            metadata.put("namespace", ref.namespace());
        }
        Map<Object, Object> delete = new LinkedHashMap<>();
        delete.put(new OutputYaml.Raw("$patch"), "delete");
        delete.put("apiVersion", ref.apiVersion());
        delete.put("kind", ref.kind());
        delete.put("metadata", metadata);
        return YamlText.comment("", ref + " (" + patch.location() + ") is left out of the migration")
                + YamlText.comment("", because(patch.exclusion()))
                + OutputYaml.write(delete);
    }

    private static String because(Change c) {
        return c.ruleId() + " " + c.mode() + ": " + c.reason();
    }

    private static Map<String, Object> map(String key, Object value, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }
}
