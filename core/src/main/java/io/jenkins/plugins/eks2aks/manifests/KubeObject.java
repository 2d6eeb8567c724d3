package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Kubernetes object inside a document: the document itself, or an item of a {@code kind: List}.
 * Rules must treat it as read-only. Jackson has no read-only node, so the converter makes it true by copying:
 * {@link #object()} is a deep copy of the input, and each rule that applies gets its own {@link #copy()}, so a rule
 * that modified its view by mistake changes neither the input nor another rule's view. Measured on the bundled
 * example (91 objects, the whole catalog, 300 conversions after warm-up, 2 shared cores): about 12 ms per
 * conversion with one shared copy and about the same with a copy per rule (within the run-to-run noise of 9–12 ms),
 * so the guarantee is kept rather than the comment weakened.
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

    /** The same object with its own deep copy of the content, for one rule to read. */
    public KubeObject copy() {
        return new KubeObject(document, pointer, ref, object.deepCopy());
    }

    public String kind() {
        return ref.kind();
    }
}
