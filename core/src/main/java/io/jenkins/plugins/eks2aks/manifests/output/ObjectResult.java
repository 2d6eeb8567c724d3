package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.List;

/**
 * One object of the input with everything the conversion decided about it, as the outputs other than the
 * converted files need it: the overlay patches it, Velero modifies it on restore. Immutable.
 */
public final class ObjectResult {

    private final ManifestDocument document;
    private final String pointer;
    private final ObjectRef ref;
    private final JsonNode original;
    private final JsonNode converted;
    private final List<ObjectChange> changes;
    private final Change exclusion;
    private final List<Change> applied;

    /**
     * @param document  the document it came from
     * @param pointer   where the object lies in the document: {@code ""} or {@code /items/3}
     * @param ref       its apiVersion, kind, namespace and name as read
     * @param original  the object as read (shared with the input: never modify it)
     * @param converted the object as the converted files have it (shared: never modify it); null when excluded
     * @param changes   every change proposed for it, applied or not, in the order of the conversion result
     */
    public ObjectResult(ManifestDocument document, String pointer, ObjectRef ref, JsonNode original, JsonNode converted,
                        List<ObjectChange> changes) {
        this.document = document;
        this.pointer = pointer;
        this.ref = ref;
        this.original = original;
        this.converted = converted;
        this.changes = List.copyOf(changes);
        Change excluding = null;
        List<Change> done = new ArrayList<>();
        for (ObjectChange c : this.changes) {
            if (c.change().isExclusion() && excluding == null) {
                excluding = c.change();
            }
            if (c.applied()) {
                done.add(c.change());
            }
        }
        this.exclusion = excluding;
        this.applied = excluding != null ? List.of() : List.copyOf(done);
    }

    public ManifestDocument document() {
        return document;
    }

    public String pointer() {
        return pointer;
    }

    public ObjectRef ref() {
        return ref;
    }

    public JsonNode original() {
        return original;
    }

    public JsonNode converted() {
        return converted;
    }

    public List<ObjectChange> changes() {
        return changes;
    }

    /** The change that leaves the object out of the migration, or null. */
    public Change exclusion() {
        return exclusion;
    }

    public boolean excluded() {
        return exclusion != null;
    }

    /** The changes that were applied to the converted files, in order; none for an excluded object. */
    public List<Change> applied() {
        return applied;
    }

    /** {@code web.yaml #2}: how outputs name the document an object comes from. */
    public String location() {
        return document.file() + " #" + (document.index() + 1);
    }

    /** The apiVersion the object has after conversion (an API rule may have changed it). */
    public String convertedApiVersion() {
        String apiVersion = ref.apiVersion();
        for (Change c : applied) {
            if ("/apiVersion".equals(c.path()) && c.after() != null && c.after().isTextual()) {
                apiVersion = c.after().asText();
            }
        }
        return apiVersion;
    }

    /** The kind the object has after conversion. */
    public String convertedKind() {
        String kind = ref.kind();
        for (Change c : applied) {
            if ("/kind".equals(c.path()) && c.after() != null && c.after().isTextual()) {
                kind = c.after().asText();
            }
        }
        return kind;
    }

    ObjectResult withConverted(JsonNode newConverted) {
        return new ObjectResult(document, pointer, ref, original, newConverted, changes);
    }

    @Override
    public String toString() {
        return ref + " (" + location() + ")";
    }
}
