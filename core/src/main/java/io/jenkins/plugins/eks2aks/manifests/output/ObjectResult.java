package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.List;

/**
 * One object of the input with everything the conversion decided about it, as the outputs other than the
 * converted files need it: the overlay patches it, Velero modifies it on restore.
 *
 * @param document the document it came from
 * @param pointer  where the object lies in the document: {@code ""} or {@code /items/3}
 * @param ref      its apiVersion, kind, namespace and name as read
 * @param original  the object as read (shared with the input: never modify it)
 * @param converted the object as the converted files have it (shared: never modify it); null when excluded
 * @param changes   every change proposed for it, applied or not, in the order of the conversion result
 */
public record ObjectResult(ManifestDocument document, String pointer, ObjectRef ref, JsonNode original,
                           JsonNode converted, List<ObjectChange> changes) {

    public ObjectResult {
        changes = List.copyOf(changes);
    }

    /** The change that leaves the object out of the migration, or null. */
    public Change exclusion() {
        for (ObjectChange c : changes) {
            if (c.change().isExclusion()) {
                return c.change();
            }
        }
        return null;
    }

    public boolean excluded() {
        return exclusion() != null;
    }

    /** The changes that were applied to the converted files, in order; none for an excluded object. */
    public List<Change> applied() {
        if (excluded()) {
            return List.of();
        }
        return changes.stream().filter(ObjectChange::applied).map(ObjectChange::change).toList();
    }

    /** {@code web.yaml #2}: how outputs name the document an object comes from. */
    public String location() {
        return document.file() + " #" + (document.index() + 1);
    }

    /** The apiVersion the object has after conversion (an API rule may have changed it). */
    public String convertedApiVersion() {
        String apiVersion = ref.apiVersion();
        for (Change c : applied()) {
            if ("/apiVersion".equals(c.path()) && c.after() != null && c.after().isTextual()) {
                apiVersion = c.after().asText();
            }
        }
        return apiVersion;
    }

    /** The kind the object has after conversion. */
    public String convertedKind() {
        String kind = ref.kind();
        for (Change c : applied()) {
            if ("/kind".equals(c.path()) && c.after() != null && c.after().isTextual()) {
                kind = c.after().asText();
            }
        }
        return kind;
    }
}
