package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a {@link KustomizePatch} (an inline {@code patch:} text, a JSON 6902 file) says of its target, as one partial
 * object the {@link InputIndex} reads like a patch file's: a strategic-merge patch is its object, named by its own
 * metadata else by its {@code target:}; a list of JSON 6902 operations is its target with the values its
 * {@code add} and {@code replace} operations set. An overlay giving a ServiceAccount its IAM role this way gives it as
 * surely as a patch file does.
 */
final class PatchedObjects {

    private PatchedObjects() {
    }

    /** The partial object {@code patch} makes; none when it names no kind or sets nothing readable. */
    static List<KubeObject> of(KustomizePatch patch) {
        JsonNode parsed = KustomizePatches.readText(patch.text());
        if (parsed instanceof ObjectNode object) {
            ObjectRef ref = KustomizePatchConversion.ref(object, patch.target());
            return ref.kind().isEmpty() ? List.of() : List.of(KustomizePatchConversion.partial(patch, object, ref));
        }
        if (!parsed.isArray()) {
            return List.of();
        }
        ObjectRef ref = KustomizePatchConversion.ref(JsonNodeFactory.instance.objectNode(), patch.target());
        if (ref.kind().isEmpty()) {
            return List.of();
        }
        ObjectNode object = PartialObjects.target(ref);
        boolean placed = false;
        for (JsonNode op : parsed) {
            String kind = op.path("op").asText("");
            String path = op.path("path").asText("");
            if ((kind.equals("add") || kind.equals("replace")) && op.has("value") && path.startsWith("/")
                    && !path.startsWith("/metadata/name") && !path.startsWith("/metadata/namespace")) {
                placed |= PartialObjects.place(object, path, op.get("value")) != null;
            }
        }
        return placed ? List.of(KustomizePatchConversion.partial(patch, object, ref)) : List.of();
    }
}
