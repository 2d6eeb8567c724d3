package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

/**
 * One object of the source cluster, as the API server returned it or as a dump holds it.
 *
 * @param ref    apiVersion, kind, namespace, name
 * @param object the object
 * @param origin where it was read: a dump file and document, or {@code cluster}
 */
public record ClusterObject(ObjectRef ref, ObjectNode object, String origin) {

    public static ClusterObject of(ObjectNode object, String origin) {
        JsonNode meta = object.path("metadata");
        return new ClusterObject(new ObjectRef(object.path("apiVersion").asText(), object.path("kind").asText(),
                text(meta.get("namespace")), text(meta.get("name"))), object, origin);
    }

    public String kind() {
        return ref.kind();
    }

    public JsonNode at(String pointer) {
        return object.at(pointer);
    }

    public JsonNode labels() {
        return object.path("metadata").path("labels");
    }

    public JsonNode annotations() {
        return object.path("metadata").path("annotations");
    }

    /** Whether a controller (a ReplicaSet, a Job…) owns it, so its spec repeats its owner's template. */
    public boolean isOwnedByController() {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** The same object as the manifest code sees it, so pod-spec helpers are shared with the converter. */
    public KubeObject asKubeObject() {
        return new KubeObject(new ManifestDocument(origin, 0, 1, 0, 0, object), "", ref, object);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
