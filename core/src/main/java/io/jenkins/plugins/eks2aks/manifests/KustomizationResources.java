package io.jenkins.plugins.eks2aks.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a {@code kustomization.yaml} buildable when the conversion leaves out whole files it lists: the list items
 * naming them ({@code resources}, {@code patchesStrategicMerge}, and {@code patches} entries with that
 * {@code path}) are removed line by line, so everything else, comments included, stays as written.
 */
final class KustomizationResources {

    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+(path:\\s*)?([\"']?)([^\"'#\\s]+)\\3\\s*(#.*)?$");

    private static final Pattern LIST_KEY = Pattern.compile("^\\s*(resources|bases|patchesStrategicMerge|patches):$");

    private KustomizationResources() {
    }

    /**
     * {@code text} of the kustomization at {@code kustomization} (relative to the input) without the entries that
     * name a file of {@code dropped} (relative to the input); the same text when it names none.
     */
    static String without(String text, String kustomization, Set<String> dropped) {
        String[] lines = text.split("(?<=\n)", -1);
        List<String> kept = new ArrayList<>();
        int skipDeeperThan = -1;
        for (String line : lines) {
            String bare = line.stripTrailing();
            int indent = bare.length() - bare.stripLeading().length();
            if (skipDeeperThan >= 0 && !bare.isBlank() && indent > skipDeeperThan) {
                continue; // the rest of a removed "- path:" patch (its target:)
            }
            skipDeeperThan = -1;
            Matcher m = ITEM.matcher(bare);
            if (m.matches()) {
                String entry = m.group(4);
                String file = Kustomizations.resolve(kustomization, entry);
                if (dropped.contains(file)) {
                    if (m.group(2) != null) {
                        skipDeeperThan = m.group(1).length();
                    }
                    continue;
                }
            }
            kept.add(line);
        }
        emptyListsExplicit(kept);
        return String.join("", kept);
    }

    /** A list key left with no items reads as null, and a kustomization of nulls as empty: write {@code []}. */
    private static void emptyListsExplicit(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = LIST_KEY.matcher(lines.get(i).stripTrailing());
            if (!key.matches()) {
                continue;
            }
            String next = null;
            for (int j = i + 1; j < lines.size() && next == null; j++) {
                String candidate = lines.get(j).strip();
                if (!candidate.isEmpty() && !candidate.startsWith("#")) {
                    next = candidate;
                }
            }
            if (next == null || !next.startsWith("-")) {
                String line = lines.get(i);
                lines.set(i, line.stripTrailing() + " []" + line.substring(line.stripTrailing().length()));
            }
        }
    }
}
