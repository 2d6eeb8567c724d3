package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECR images a custom resource makes its operator or chart run, for the image list {@code ecrToAcr} copies:
 * a whole reference, or a chart's split form ({@code repository} with a sibling {@code tag} or {@code digest}, or
 * {@code registry} + {@code repository}), put back together so that the exact tag or digest is copied.
 */
public final class CustomResourceImages {

    /**
     * One image and where it is.
     *
     * @param path      the dotted path of the field holding the repository, e.g. {@code spec.values.image.repository}
     * @param reference the full ECR reference
     */
    public record ImageAt(String path, String reference) {
    }

    private CustomResourceImages() {
    }

    /** The ECR images of {@code object} outside its pod template; empty for objects the deep scan does not read. */
    public static List<ImageAt> of(KubeObject object) {
        List<ImageAt> out = new ArrayList<>();
        if (CustomResources.scanned(object)) {
            walk(object.object(), "", CustomResources.handledElsewhere(object), out);
        }
        return out;
    }

    /** The ECR images anywhere in {@code tree} (values read from elsewhere, a HelmRelease's ConfigMap's). */
    static List<ImageAt> in(JsonNode tree) {
        List<ImageAt> out = new ArrayList<>();
        walk(tree, "", Set.of(), out);
        return out;
    }

    private static void walk(JsonNode node, String pointer, Set<String> skipped, List<ImageAt> out) {
        if (skipped.contains(pointer)) {
            return;
        }
        if (node.isObject()) {
            String split = split(node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = Pointers.child(pointer, e.getKey());
                if (split != null && e.getKey().equals("repository")) {
                    out.add(new ImageAt(CustomResources.dotted(child), split));
                } else if (split == null || !e.getKey().equals("registry")) {
                    walk(e.getValue(), child, skipped, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), Pointers.child(pointer, i), skipped, out);
            }
        } else if (node.isTextual()) {
            EcrImageReference.parse(node.asText()).ifPresent(ref -> out.add(new ImageAt(CustomResources.dotted(pointer), ref.toString())));
        }
    }

    /** The reference a chart's {@code registry}/{@code repository}/{@code tag}/{@code digest} fields make, when ECR. */
    private static String split(JsonNode map) {
        if (!map.path("repository").isTextual()) {
            return null;
        }
        String repository = map.path("repository").asText().trim();
        String registry = map.path("registry").asText("").trim();
        String image = registry.isEmpty() ? repository : registry.replaceAll("/+$", "") + "/" + repository;
        String tag = map.path("tag").isValueNode() ? map.path("tag").asText("").trim() : "";
        String digest = map.path("digest").asText("").trim();
        String full = image + (tag.isEmpty() || image.contains(":") ? "" : ":" + tag) + (digest.isEmpty() || image.contains("@") ? "" : "@" + digest);
        return EcrImageReference.parse(full).map(EcrImageReference::toString).orElse(null);
    }
}
