package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code change-image-name} rows: {@code "<old>,<new>"} substring rows that cannot overlap (see
 * {@link ImageNameRows}), and the image moves they carry.
 *
 * @param rows    in the order Velero gets them
 * @param notes   image moves left to the resource modifiers
 * @param carried the image changes the rows carry, by object (original tree, by identity)
 */
record VeleroImageNames(List<ImageNameRows.Row> rows, List<String> notes, Map<JsonNode, Set<Change>> carried) {

    static VeleroImageNames of(List<ObjectResult> objects) {
        List<String[]> moves = new ArrayList<>();
        List<Change> moveChanges = new ArrayList<>();
        List<ObjectResult> moveObjects = new ArrayList<>();
        List<ImageNameRows.Site> sites = new ArrayList<>();
        for (ObjectResult object : objects) {
            if (object.excluded()) {
                continue;
            }
            Map<String, Change> changes = new HashMap<>();
            for (Change c : object.applied()) {
                if (ImageNames.isImageChange(c)) {
                    changes.put(c.path(), c);
                }
            }
            for (ImageNames.Occurrence o : ImageNames.veleroImages(object.ref().kind(), object.original())) {
                Change c = changes.get(o.path());
                int move = -1;
                if (c != null) {
                    move = moves.size();
                    moves.add(new String[] {o.image(), c.after().asText()});
                    moveChanges.add(c);
                    moveObjects.add(object);
                }
                sites.add(new ImageNameRows.Site(o.image(), c == null ? o.image() : c.after().asText(), move));
            }
        }
        ImageNameRows solved = ImageNameRows.solve(moves, sites);
        Map<JsonNode, Set<Change>> carried = new IdentityHashMap<>();
        Set<String> leftOut = new TreeSet<>();
        for (int m = 0; m < moves.size(); m++) {
            if (solved.covers(m)) {
                carried.computeIfAbsent(moveObjects.get(m).original(), k -> new HashSet<>()).add(moveChanges.get(m));
            } else {
                leftOut.add(moves.get(m)[0]);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            notes.add("change-image-name cannot rewrite " + leftOut.size() + " image reference"
                    + (leftOut.size() == 1 ? "" : "s") + " without touching another image ("
                    + String.join(", ", leftOut) + "); resource modifiers set them");
        }
        return new VeleroImageNames(List.copyOf(solved.rows()), List.copyOf(notes), carried);
    }
}
