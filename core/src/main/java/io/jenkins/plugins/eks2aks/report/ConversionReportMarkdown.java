package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static io.jenkins.plugins.eks2aks.report.ReportDocument.code;

/**
 * The conversion report for people: summary, the decisions still needed as a checklist (with the mapping-file
 * key that supplies each), the objects left out, every change, conflicts. Built as a {@link ReportDocument} and
 * written by the {@link MarkdownRenderer} every Markdown report uses; the change rows are made as they are written.
 * Paths and values are code spans made by {@link ReportDocument#code}, which holds an empty text or one with backticks;
 * the empty path of a change to the whole object reads {@code (whole object)}, as on the HTML page.
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
        new MarkdownRenderer().write(document(result, registryMap), out);
    }

    static ReportDocument document(ConversionResult result, List<String> registryMap) {
        ReportDocument doc = new ReportDocument("EKS → AKS conversion report");
        doc.paragraph("Registry map: " + (registryMap.isEmpty() ? "none"
                : String.join(", ", registryMap.stream().map(ReportDocument::code).toList())));
        List<List<String>> counts = new ArrayList<>();
        counts.add(count("Files", result.input().files().size()));
        counts.add(count("Documents", result.documents().size()));
        counts.add(count("Objects", result.objects()));
        counts.add(count("Documents changed", result.changedDocuments()));
        result.countByMode().forEach((mode, n) -> counts.add(count("Changes " + mode.name(), n)));
        counts.add(count("Conflicts", result.conflicts().size()));
        doc.section("Summary").table(List.of("", "Count"), counts, "");

        if (!result.input().notes().isEmpty()) {
            doc.section("Input read differently or not at all").bullets(result.input().notes());
        }
        List<ObjectChange> decisions = result.changes().stream().filter(c -> c.change().mode() == RuleMode.HUMAN).toList();
        doc.section("Decisions needed");
        // Decisions that belong to no object (an empty input, a kustomize patch left unconverted) come first.
        List<String> items = new ArrayList<>(result.decisionsAboutInput());
        decisions.stream().map(ConversionReportMarkdown::decision).forEach(items::add);
        if (items.isEmpty()) {
            doc.paragraph("None.");
        } else {
            doc.checklist(items);
        }

        List<ObjectChange> exclusions = result.changes().stream().filter(c -> c.change().isExclusion()).toList();
        doc.section("Objects left out of the migration").table(List.of("Object", "File", "Rule", "Reason and Azure equivalent"),
                ReportDocument.rows(exclusions, c -> List.of(c.object().toString(), location(c), c.change().ruleId(), c.change().reason())),
                "None.");

        doc.section("Changes").table(List.of("Object", "File", "Path", "Before", "After", "Rule", "Mode", "Reason"),
                ReportDocument.rows(result.changes(), ConversionReportMarkdown::change), "None.");

        if (!result.conflicts().isEmpty()) {
            doc.section("Conflicts (not applied)").bullets(result.conflicts().stream().map(c -> c.object() + " ("
                    + c.document().location() + ") " + code(c.path()) + ": rules " + String.join(", ", c.ruleIds())).toList());
        }
        return doc;
    }

    private static List<String> count(String name, long n) {
        return List.of(name, Long.toString(n));
    }

    private static String decision(ObjectChange c) {
        List<String> keys = c.change().mappingKeys();
        return c.object() + " (" + c.document().location() + ") " + code(ChangePaths.shown(c.change().path())) + ": " + c.change().reason()
                + (keys.isEmpty() ? "" : " — set " + String.join(" or ", keys.stream().map(ReportDocument::code).toList()));
    }

    private static String location(ObjectChange c) {
        return ChangePaths.file(c.document());
    }

    private static List<String> change(ObjectChange c) {
        Change change = c.change();
        return List.of(c.object().toString(), location(c), code(ChangePaths.shown(change.path())), value(change.before()),
                c.applied() ? value(change.after()) : "(not applied)", change.ruleId(), change.mode().name(), change.reason());
    }

    private static String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return code(node.isTextual() ? node.asText() : node.toString());
    }
}
