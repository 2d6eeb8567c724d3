package io.jenkins.plugins.eks2aks.plan;

import io.jenkins.plugins.eks2aks.storage.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code plan.md}: the steps as a table with their estimates and how they were made, then the open decisions. */
final class PlanMarkdown {

    String render(MigrationPlan plan) {
        StringBuilder md = new StringBuilder("# Migration plan\n\n");
        md.append("- Manifests: `").append(plan.manifests()).append("`\n");
        md.append("- Mapping file: ").append(plan.mapping() == null ? "none (defaults)" : "`" + plan.mapping() + "`").append('\n');
        md.append("- Inventory: ").append(plan.source() == null ? "none: the source is not counted" : plan.source()).append('\n');
        md.append("- Estimates: ").append(plan.ledger() == null ? "default throughputs (no ledger yet)"
                : "measured where the ledger `" + plan.ledger() + "` has runs, else default").append('\n');
        md.append("- Total: about ").append(duration(plan.estimateSeconds())).append("\n\n");
        md.append("| # | Step | Work | Estimate | Source | Basis |\n|---|---|---|---|---|---|\n");
        int i = 1;
        for (PlanStep s : plan.steps()) {
            md.append("| ").append(i++).append(" | `").append(s.name()).append("` | ").append(cell(work(s))).append(" | ")
                    .append(duration(s.estimateSeconds())).append(" | ").append(s.estimateSource()).append(" | ")
                    .append(cell(s.basis())).append(" |\n");
        }
        md.append("\nNotes:\n\n");
        for (PlanStep s : plan.steps()) {
            s.notes().forEach(n -> md.append("- `").append(s.name()).append("`: ").append(n).append('\n'));
        }
        md.append("\n## Open decisions (").append(plan.decisions().size()).append(")\n\n");
        if (plan.decisions().isEmpty()) {
            md.append("None: the mapping file settles every decision.\n");
        } else {
            md.append("| Object | Field | Settle with | Rule | Why |\n|---|---|---|---|---|\n");
            for (PlanDecision d : plan.decisions()) {
                md.append("| ").append(cell(d.object())).append(" (`").append(cell(d.file())).append("`) | `").append(cell(d.path()))
                        .append("` | ").append(d.keys().isEmpty() ? "the manifest" : cell("`" + String.join("`, `", d.keys()) + "`"))
                        .append(" | ").append(d.rule()).append(" | ").append(cell(d.reason())).append(" |\n");
            }
        }
        if (plan.conflicts() > 0) {
            md.append("\n").append(plan.conflicts()).append(" fields are changed differently by two rules: convert refuses them "
                    + "until the manifests or the mapping file are changed (see its report).\n");
        }
        return md.toString();
    }

    /** The work in words: {@code 12 objects, 3 namespaces, 1.5 GiB}. */
    static String work(PlanStep step) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> w : step.work().entrySet()) {
            parts.add(w.getKey().equals("bytes") ? Bytes.human(w.getValue()) : w.getValue() + " " + w.getKey());
        }
        return parts.isEmpty() ? "not counted" : String.join(", ", parts);
    }

    /** {@code 45 s}, {@code 3 min 20 s}, {@code 2 h 05 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h " + String.format("%02d", seconds % 3600 / 60) + " min";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
