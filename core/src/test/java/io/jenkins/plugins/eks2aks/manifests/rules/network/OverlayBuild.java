package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * What an overlay of one base object builds to, without kubectl: the base object with the overlay's patches
 * applied as Kustomize applies them (strategic-merge patches merged map by map, JSON 6902 patches by RFC 6902).
 * Enough for one Service and its annotations; {@code kubectl kustomize} checks the same when it is installed.
 */
final class OverlayBuild {

    private static final YAMLMapper YAML = new YAMLMapper();

    private OverlayBuild() {
    }

    static JsonNode build(Path base, Path overlay) throws IOException {
        JsonNode object = YAML.readTree(Files.readString(base));
        JsonNode kustomization = YAML.readTree(Files.readString(overlay.resolve("kustomization.yaml")));
        for (String field : new String[] {"patchesStrategicMerge", "patchesJson6902", "patches"}) {
            for (JsonNode entry : kustomization.path(field)) {
                String text = entry.isTextual() && !entry.asText().contains("\n") ? Files.readString(overlay.resolve(entry.asText()))
                        : entry.isTextual() ? entry.asText()
                        : entry.path("patch").isTextual() ? entry.path("patch").asText()
                        : Files.readString(overlay.resolve(entry.path("path").asText()));
                JsonNode patch = YAML.readTree(text);
                object = patch.isArray() ? JsonPatch.apply(patch, object) : merge((ObjectNode) object.deepCopy(), patch);
            }
        }
        return object;
    }

    private static JsonNode merge(ObjectNode into, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = into.get(e.getKey());
            if (e.getValue().isNull()) {
                into.remove(e.getKey());
            } else if (current instanceof ObjectNode map && e.getValue().isObject()) {
                merge(map, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
        return into;
    }
}
