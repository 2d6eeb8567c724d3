package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an overlay the way Kustomize does, as far as the overlays eks2aks writes need: the base objects
 * (List items expanded), {@code images:} on every {@code containers}/{@code initContainers} image, targeted
 * RFC 6902 patches and targeted {@code $patch: delete}. Tests compare the result with the converted files.
 */
final class OverlayBuild {

    private static final YAMLMapper YAML = new YAMLMapper();

    private OverlayBuild() {
    }

    static List<JsonNode> build(KustomizeOverlay overlay, ConversionResult result) {
        List<JsonNode> objects = new ArrayList<>();
        ObjectResults.of(result).forEach(o -> objects.add(o.original().deepCopy()));
        JsonNode kustomization = read(overlay.files().get(KustomizeOverlay.KUSTOMIZATION));
        for (JsonNode patch : kustomization.path("patches")) {
            String text = overlay.files().get(patch.path("path").asText());
            JsonNode target = patch.path("target");
            if (text.contains("$patch: delete")) {
                objects.removeIf(o -> matches(target, o));
            } else {
                ArrayNode ops = (ArrayNode) read(text);
                objects.replaceAll(o -> matches(target, o) ? JsonPatch.apply(ops, o) : o);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(o -> setImages(o, image.path("name").asText(), image.path("newName").asText()));
        }
        return objects;
    }

    /** The converted objects of {@code result}: what {@code --format files} writes, excluded objects left out. */
    static List<JsonNode> converted(ConversionResult result) {
        return ObjectResults.of(result).stream().filter(o -> !o.excluded()).map(ObjectResult::converted).toList();
    }

    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(JsonNode target, JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return (!target.has("group") || target.path("group").asText().equals(group))
                && (!target.has("version") || target.path("version").asText().equals(version))
                && (!target.has("kind") || target.path("kind").asText().equals(object.path("kind").asText()))
                && (!target.has("name") || target.path("name").asText().equals(object.at("/metadata/name").asText()))
                && (!target.has("namespace") || target.path("namespace").asText().equals(object.at("/metadata/namespace").asText()));
    }

    private static void setImages(JsonNode node, String name, String newName) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
                    for (JsonNode container : e.getValue()) {
                        String image = container.path("image").asText(null);
                        if (image != null && ImageNames.name(image).equals(name)) {
                            ((ObjectNode) container).put("image", newName + ImageNames.suffix(image));
                        }
                    }
                }
                setImages(e.getValue(), name, newName);
            }
        } else if (node.isArray()) {
            node.forEach(n -> setImages(n, name, newName));
        }
    }
}
