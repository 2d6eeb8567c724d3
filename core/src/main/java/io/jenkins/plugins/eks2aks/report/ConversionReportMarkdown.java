package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Conflict;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The conversion report for people: summary, the decisions still needed as a checklist (with the mapping-file
 * key that supplies each), the objects left out, every change, conflicts.
 */
public final class ConversionReportMarkdown {

    public String render(ConversionResult result, List<String> registryMap) {
        StringWriter out = new StringWriter(4096 + result.changes().size() * 300);
        try {
            render(result, registryMap, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** Writes the report to {@code out} as it goes, so that a large report is never held whole in memory. */
    public void render(ConversionResult result, List<String> registryMap, Writer out) throws IOException {
        StringBuilder md = new StringBuilder(1 << 17);
        md.append("# EKS → AKS conversion report\n\n");
        md.append("Registry map: ").append(registryMap.isEmpty() ? "none" : "`" + String.join("`, `", registryMap) + "`")
                .append("\n\n");
        md.append("## Summary\n\n| | Count |\n|---|---:|\n");
        row(md, "Files", result.input().files().size());
        row(md, "Documents", result.documents().size());
        row(md, "Objects", result.objects());
        row(md, "Documents changed", result.changedDocuments());
        result.countByMode().forEach((mode, count) -> row(md, "Changes " + mode.name(), count));
        row(md, "Conflicts", result.conflicts().size());
        md.append('\n');

        if (!result.input().notes().isEmpty()) {
            md.append("## Input read differently or not at all\n\n");
            result.input().notes().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        List<ObjectChange> decisions = result.changes().stream()
                .filter(c -> c.change().mode() == RuleMode.HUMAN).toList();
        md.append("## Decisions needed\n\n");
        // Decisions that belong to no object (an empty input, a kustomize patch left unconverted) come first.
        result.decisionsAboutInput().forEach(d -> md.append("- [ ] ").append(d).append('\n'));
        if (decisions.isEmpty() && result.decisionsAboutInput().isEmpty()) {
            md.append("None.\n\n");
        } else if (decisions.isEmpty()) {
            md.append('\n');
        } else {
            for (ObjectChange c : decisions) {
                md.append("- [ ] ").append(c.object()).append(" (").append(c.document().location()).append(") `")
                        .append(c.change().path()).append("`: ").append(c.change().reason());
                List<String> keys = MappingKeys.in(c.change().reason());
                if (!keys.isEmpty()) {
                    md.append(" — set `").append(String.join("` or `", keys)).append('`');
                }
                md.append('\n');
            }
            md.append('\n');
        }

        List<ObjectChange> exclusions = result.changes().stream().filter(c -> c.change().isExclusion()).toList();
        md.append("## Objects left out of the migration\n\n");
        if (exclusions.isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Object | File | Rule | Reason and Azure equivalent |\n|---|---|---|---|\n");
            for (ObjectChange c : exclusions) {
                md.append("| ").append(cell(c.object().toString()))
                        .append(" | ").append(cell(c.document().file() + " #" + (c.document().index() + 1)))
                        .append(" | ").append(c.change().ruleId())
                        .append(" | ").append(cell(c.change().reason())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Changes\n\n");
        if (result.changes().isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Object | File | Path | Before | After | Rule | Mode | Reason |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (ObjectChange c : result.changes()) {
                Change change = c.change();
                md.append("| ");
                cell(md, c.object().toString()).append(" | ");
                cell(md, c.document().file()).append(" #").append(c.document().index() + 1).append(" | `");
                cell(md, change.path()).append("` | ");
                value(md, change.before()).append(" | ");
                if (c.applied()) {
                    value(md, change.after());
                } else {
                    md.append("(not applied)");
                }
                md.append(" | ").append(change.ruleId()).append(" | ").append(change.mode().name()).append(" | ");
                cell(md, change.reason()).append(" |\n");
                if (md.length() >= 1 << 16) {
                    out.append(md);
                    md.setLength(0);
                }
            }
            md.append('\n');
        }

        if (!result.conflicts().isEmpty()) {
            md.append("## Conflicts (not applied)\n\n");
            for (Conflict c : result.conflicts()) {
                md.append("- ").append(c.object()).append(" (").append(c.document().location()).append(") `")
                        .append(c.path()).append("`: rules ").append(String.join(", ", c.ruleIds())).append('\n');
            }
            md.append('\n');
        }
        out.append(md);
    }

    private static void row(StringBuilder md, String name, long count) {
        md.append("| ").append(name).append(" | ").append(count).append(" |\n");
    }

    private static StringBuilder value(StringBuilder md, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return md;
        }
        md.append('`');
        return cell(md, node.isTextual() ? node.asText() : node.toString()).append('`');
    }

    /** Appends {@code s} as a table cell: '|' escaped, new lines folded. */
    private static StringBuilder cell(StringBuilder md, String s) {
        if (s.indexOf('|') < 0 && s.indexOf('\n') < 0) {
            return md.append(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '|') {
                md.append("\\|");
            } else {
                md.append(ch == '\n' ? ' ' : ch);
            }
        }
        return md;
    }

    private static String cell(String s) {
        return cell(new StringBuilder(s.length() + 8), s).toString();
    }
}
