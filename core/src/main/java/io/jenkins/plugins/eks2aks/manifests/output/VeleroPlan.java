package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the Velero ConfigMaps hold, computed from the conversion result before anything is written: the
 * storage-class rows, then the image rows, then the resource-modifier rules for every change those two do not
 * carry. {@link VeleroYaml} and {@link VeleroReadme} render it.
 *
 * @param excluded           objects the conversion leaves out, which Velero would restore
 * @param excludedNamespaces namespaces all of whose objects in the input are left out
 * @param duplicates         objects held more than once
 * @param pendingDecisions   changes still waiting for a decision
 */
record VeleroPlan(VeleroStorageClasses storageClasses, VeleroImageNames imageNames, VeleroModifierRules modifiers,
                  List<Excluded> excluded, Set<String> excludedNamespaces, List<String> duplicates, int pendingDecisions) {

    /** An object left out, with the resource Velero knows it by and why. */
    record Excluded(ObjectRef ref, String groupResource, String reason) {
    }

    static VeleroPlan of(ConversionResult result, Map<String, String> storageClassMapping) {
        List<ObjectResult> objects = ObjectResults.of(result);
        VeleroStorageClasses classes = VeleroStorageClasses.of(objects, storageClassMapping);
        VeleroImageNames images = VeleroImageNames.of(objects);
        Map<JsonNode, Set<Change>> carried = new IdentityHashMap<>();
        for (Map<JsonNode, Set<Change>> byConfigMap : List.of(classes.carried(), images.carried())) {
            byConfigMap.forEach((object, changes) -> carried.computeIfAbsent(object, k -> new HashSet<>()).addAll(changes));
        }
        VeleroModifierRules modifiers = VeleroModifierRules.of(objects, carried);
        List<Excluded> excluded = new ArrayList<>();
        for (ObjectResult o : objects) {
            if (o.excluded()) {
                excluded.add(new Excluded(o.ref(), KindResources.groupResource(o.ref().apiVersion(), o.ref().kind()),
                        o.exclusion().reason()));
            }
        }
        return new VeleroPlan(classes, images, modifiers, List.copyOf(excluded), excludedNamespaces(objects),
                ObjectResults.duplicates(objects), result.pendingDecisions());
    }

    /** How the ConfigMaps carry what they carry, where it differs from the obvious. */
    List<String> notes() {
        List<String> notes = new ArrayList<>(storageClasses.notes());
        notes.addAll(imageNames.notes());
        return List.copyOf(notes);
    }

    private static Set<String> excludedNamespaces(List<ObjectResult> objects) {
        Map<String, Boolean> allExcluded = new TreeMap<>();
        for (ObjectResult o : objects) {
            if (o.ref().namespace() != null) {
                allExcluded.merge(o.ref().namespace(), o.excluded(), Boolean::logicalAnd);
            }
        }
        Set<String> out = new TreeSet<>();
        allExcluded.forEach((ns, all) -> {
            if (all) {
                out.add(ns);
            }
        });
        return Collections.unmodifiableSet(out); // sorted, for the README
    }
}
