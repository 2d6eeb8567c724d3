package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Kubernetes object inside a document: the document itself, or an item of a {@code kind: List}.
 * Rules see it read-only: {@link #object()} is a private deep copy, so a rule that modified it by mistake
 * could not change the input or another rule's view.
 *
 * @param document the document it came from
 * @param pointer  JSON pointer of the object inside the document: {@code ""} or {@code /items/3}
 * @param ref      its apiVersion, kind, namespace and name
 * @param object   a copy of the object
 */
public record KubeObject(ManifestDocument document, String pointer, ObjectRef ref, ObjectNode object) {

    /** The object's node at a JSON pointer relative to the object, or a missing node. */
    public JsonNode at(String relativePointer) {
        // Rules ask for the same few pointers millions of times on a large input: compile each once. Pointers that
        // hold indexes or names from the input are many and asked once; past the bound they are compiled each time,
        // so the cache cannot grow with the input.
        JsonPointer pointer = POINTERS.get(relativePointer);
        if (pointer == null) {
            pointer = JsonPointer.compile(relativePointer);
            if (POINTERS.size() < MAX_CACHED_POINTERS) {
                POINTERS.putIfAbsent(relativePointer, pointer);
            }
        }
        return object.at(pointer);
    }

    static final int MAX_CACHED_POINTERS = 1024;
    static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    public String kind() {
        return ref.kind();
    }
}
