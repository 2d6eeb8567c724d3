package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.manifests.ObjectChange;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The changes of a conversion as table groups, one per object in input order (the changes of one object are
 * consecutive). Only where each group starts is kept: its heading and rows are made when a renderer reaches them,
 * so a report of hundreds of thousands of changes is written without holding them twice.
 */
final class ChangeGroups extends AbstractList<ReportDocument.Group> implements RandomAccess {

    private final List<ObjectChange> changes;
    private final int[] starts;
    private final Function<ObjectChange, List<String>> row;
    private final BiFunction<ObjectChange, Integer, String> heading;

    private ChangeGroups(List<ObjectChange> changes, int[] starts, Function<ObjectChange, List<String>> row,
                         BiFunction<ObjectChange, Integer, String> heading) {
        this.changes = changes;
        this.starts = starts;
        this.row = row;
        this.heading = heading;
    }

    /** {@code heading} gets the group's first change and how many changes it has. */
    static ChangeGroups of(List<ObjectChange> changes, Function<ObjectChange, List<String>> row,
                           BiFunction<ObjectChange, Integer, String> heading) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (i == 0 || !sameObject(changes.get(i - 1), changes.get(i))) {
                starts.add(i);
            }
        }
        return new ChangeGroups(changes, starts.stream().mapToInt(Integer::intValue).toArray(), row, heading);
    }

    private static boolean sameObject(ObjectChange a, ObjectChange b) {
        return a.document() == b.document() && a.object().equals(b.object());
    }

    @Override
    public ReportDocument.Group get(int index) {
        int from = starts[index];
        int to = index + 1 < starts.length ? starts[index + 1] : changes.size();
        return new ReportDocument.Group(heading.apply(changes.get(from), to - from), ReportDocument.rows(changes.subList(from, to), row));
    }

    @Override
    public int size() {
        return starts.length;
    }
}
