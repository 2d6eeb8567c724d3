package io.jenkins.plugins.eks2aks.manifests.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses the rows of Velero's change-image-name ConfigMap. Velero rewrites an image with the first row whose
 * old part is a substring of it ({@code strings.Replace} of every occurrence), and reads the rows from a Go map,
 * so which of several matching rows wins differs from run to run. The rows chosen here give every image the
 * value the conversion gave it whichever row wins, and leave every image the conversion kept alone.
 *
 * <p>Each move starts with the most general row (the registry or repository prefix that changed, e.g.
 * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com,contoso.azurecr.io}, which also covers objects of the
 * backup that are not in the input), and is made more specific when that row would rewrite some image
 * wrongly: the repository with the delimiter that follows it ({@code …/shop/web:}), then the whole reference.
 * A move that even its whole reference cannot express without touching another image is left to the
 * resource modifiers, which set the exact value after the plugin ran.
 */
final class ImageNameRows {

    /** The broadest row, the repository row, the whole reference, or none (left to resource modifiers). */
    private static final int PREFIX = 0;
    private static final int REPOSITORY = 1;
    private static final int EXACT = 2;
    private static final int DROPPED = 3;

    /**
     * An image field Velero's plugin sees.
     *
     * @param image    its value in the backup (the input)
     * @param expected its value in the converted files
     * @param move     the index of the move that changes it, or -1 when the conversion keeps it
     */
    record Site(String image, String expected, int move) {
    }

    /** A row: {@code old} substring → {@code replacement}. */
    record Row(String old, String replacement) {
    }

    private final List<String[]> moves;
    private final List<Site> sites;
    private final int[] level;

    private ImageNameRows(List<String[]> moves, List<Site> sites) {
        this.moves = moves;
        this.sites = sites;
        this.level = new int[moves.size()];
    }

    /**
     * Solves the rows.
     *
     * @param moves each image change as {@code {before, after}}; a site refers to it by index
     * @param sites every image the plugin will see, changed or not
     */
    static ImageNameRows solve(List<String[]> moves, List<Site> sites) {
        ImageNameRows rows = new ImageNameRows(List.copyOf(moves), List.copyOf(sites));
        rows.run();
        return rows;
    }

    /** The rows, sorted by their old part. */
    List<Row> rows() {
        Map<String, String> rows = new TreeMap<>();
        for (int m = 0; m < moves.size(); m++) {
            Row row = row(m);
            if (row != null) {
                rows.put(row.old(), row.replacement());
            }
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((o, r) -> out.add(new Row(o, r)));
        return out;
    }

    /** Whether move {@code m} is carried by a row (else a resource modifier must carry it). */
    boolean covers(int m) {
        return level[m] < DROPPED;
    }

    private void run() {
        for (int m = 0; m < moves.size(); m++) {
            String before = moves.get(m)[0];
            if (before.contains(",") || !before.equals(before.strip()) || moves.get(m)[1].isEmpty()) {
                level[m] = DROPPED; // the plugin splits rows at the first ',' and trims them
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, Set<Integer>> producers = new HashMap<>();
            Map<String, Set<String>> replacements = new HashMap<>();
            for (int m = 0; m < moves.size(); m++) {
                Row row = row(m);
                if (row != null) {
                    producers.computeIfAbsent(row.old(), k -> new LinkedHashSet<>()).add(m);
                    replacements.computeIfAbsent(row.old(), k -> new LinkedHashSet<>()).add(row.replacement());
                }
            }
            // One old part with two replacements: whichever the plugin reads first wins.
            for (Map.Entry<String, Set<String>> e : replacements.entrySet()) {
                if (e.getValue().size() > 1) {
                    producers.get(e.getKey()).forEach(this::escalate);
                    changed = true;
                }
            }
            if (changed) {
                continue;
            }
            Set<String> wrong = new LinkedHashSet<>();
            for (Site site : sites) {
                if (site.move() >= 0 && level[site.move()] == DROPPED) {
                    continue; // a resource modifier sets this image after the plugin ran
                }
                for (Map.Entry<String, Set<String>> e : replacements.entrySet()) {
                    String old = e.getKey();
                    if (site.image().contains(old)
                            && !site.image().replace(old, e.getValue().iterator().next()).equals(site.expected())) {
                        wrong.add(old);
                    }
                }
            }
            for (String old : wrong) {
                producers.get(old).forEach(this::escalate);
                changed = true;
            }
        }
    }

    private void escalate(int m) {
        if (level[m] < DROPPED) {
            level[m]++;
        }
    }

    private Row row(int m) {
        String before = moves.get(m)[0];
        String after = moves.get(m)[1];
        return switch (level[m]) {
            case PREFIX -> prefixRow(before, after);
            case REPOSITORY -> repositoryRow(before, after);
            case EXACT -> new Row(before, after);
            default -> null;
        };
    }

    /** The part before the longest common tail that starts at a '/': the registry or prefix that changed. */
    private static Row prefixRow(String before, String after) {
        for (int i = before.indexOf('/'); i > 0; i = before.indexOf('/', i + 1)) {
            String tail = before.substring(i);
            if (after.endsWith(tail) && after.length() > tail.length()) {
                return new Row(before.substring(0, i), after.substring(0, after.length() - tail.length()));
            }
        }
        return repositoryRow(before, after);
    }

    /** The repository with the delimiter that follows it ({@code :} or {@code @}), so a longer name cannot match. */
    private static Row repositoryRow(String before, String after) {
        String suffix = ImageNames.suffix(before);
        if (!suffix.equals(ImageNames.suffix(after))) {
            return new Row(before, after);
        }
        String delimiter = suffix.isEmpty() ? "" : suffix.substring(0, 1);
        return new Row(ImageNames.name(before) + delimiter, ImageNames.name(after) + delimiter);
    }
}
