package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Callout;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Figure;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Link;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.eks2aks.report.ReportDocument.code;

/**
 * The conversion report as one self-contained HTML page, for a browser or a Jenkins build artifact: summary counts
 * by mode, the notes on input read differently or not at all, the decisions still needed as a checklist (those about
 * the input first, then each object's with the mapping-file key that supplies it), the objects left out with their
 * Azure equivalent, conflicts, and every change grouped by object. Built as a {@link ReportDocument}
 * and written by the {@link HtmlRenderer} every HTML report uses; the change rows are made as they are written.
 */
public final class ConversionReportHtml {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(ConversionResult result, List<String> registryMap) {
        StringWriter out = new StringWriter(4096 + result.changes().size() * 400);
        try {
            render(result, registryMap, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** Writes the page to {@code out} as it goes, so that a large report is never held whole in memory. */
    public void render(ConversionResult result, List<String> registryMap, Writer out) throws IOException {
        new HtmlRenderer().write(document(result, registryMap), out);
    }

    static ReportDocument document(ConversionResult result, List<String> registryMap) {
        List<ObjectChange> decisions = result.changes().stream().filter(c -> c.change().mode() == RuleMode.HUMAN).toList();
        List<ObjectChange> exclusions = result.changes().stream().filter(c -> c.change().isExclusion()).toList();
        ReportDocument doc = new ReportDocument("EKS → AKS conversion report");
        // The input's name, not its absolute path: reports must not depend on where the repository is checked out.
        doc.paragraph("Input " + code(String.valueOf(result.input().root().getFileName())) + " · registry map "
                + (registryMap.isEmpty() ? "none" : String.join(", ", registryMap.stream().map(ReportDocument::code).toList())));
        List<String> notes = result.input().notes();
        // Counts the decisions that belong to no object (an empty input, a kustomize patch left unconverted) too.
        int pending = result.pendingDecisions();
        List<Link> links = new ArrayList<>();
        links.add(new Link("Summary", "summary"));
        if (!notes.isEmpty()) {
            links.add(new Link("Input read differently (" + notes.size() + ")", "input"));
        }
        links.add(new Link("Decisions needed (" + pending + ")", "decisions"));
        links.add(new Link("Left out (" + exclusions.size() + ")", "exclusions"));
        links.add(new Link("Conflicts (" + result.conflicts().size() + ")", "conflicts"));
        links.add(new Link("Changes (" + result.changes().size() + ")", "changes"));
        doc.navigation(links);

        summary(doc, result, pending);

        if (!notes.isEmpty()) {
            doc.section("Input read differently or not at all", "input").bullets(notes);
        }
        doc.section("Decisions needed", "decisions");
        // As in the Markdown: the decisions about the input come first, then each object's.
        List<ReportDocument.Task> tasks = new ArrayList<>();
        result.decisionsAboutInput().forEach(d -> tasks.add(new ReportDocument.Task(d, List.of())));
        decisions.stream().map(ConversionReportHtml::decision).forEach(tasks::add);
        if (tasks.isEmpty()) {
            doc.paragraph("None.");
        } else {
            doc.tasks(tasks);
        }

        doc.section("Objects left out of the migration", "exclusions").table(List.of("Object", "File", "Rule", "Reason and Azure equivalent"),
                ReportDocument.rows(exclusions, c -> List.of(object(c.object()), location(c), c.change().ruleId(), c.change().reason())),
                "None.");

        doc.section("Conflicts", "conflicts");
        if (!result.conflicts().isEmpty()) {
            doc.paragraph("Two or more rules want to change the same field. None of their changes to it was applied: "
                    + "disable one of the rules in the mapping file (`rules.disable`) or change the input.");
        }
        doc.table(List.of("Object", "File", "Path", "Rules"), result.conflicts().stream().map(c -> List.of(object(c.object()),
                ChangePaths.file(c.document()), code(c.path()), String.join(", ", c.ruleIds()))).toList(), "None.");

        doc.section("Every change", "changes");
        if (!result.changes().isEmpty()) {
            doc.paragraph("Grouped by object, in input order. Paths are JSON pointers relative to the object. "
                    + "Rows on a yellow background were not applied.");
        }
        doc.groupedTable(List.of("Path", "Before", "After", "Rule", "Mode", "Reason"), ChangeGroups.of(result.changes(),
                ConversionReportHtml::change, (first, n) -> object(first.object()) + " · " + location(first)
                        + " · " + n + " change" + (n == 1 ? "" : "s")), "None.");

        doc.paragraph("Written by eks2aks · report schema " + code(ConversionReportJson.SCHEMA)
                + " · the same data as `conversion-report.json` and `conversion-report.md`");
        return doc;
    }

    private static void summary(ReportDocument doc, ConversionResult result, int pending) {
        doc.section("Summary", "summary");
        int conflicts = result.conflicts().size();
        if (conflicts > 0) {
            doc.callout(Callout.Level.FAILED, conflicts + " conflict" + (conflicts == 1 ? "" : "s")
                    + ": rules disagree on a field, and none of their changes to it was applied.");
        } else if (pending > 0) {
            doc.callout(Callout.Level.PENDING, pending + " decision" + (pending == 1 ? "" : "s") + " needed before the conversion is complete.");
        } else {
            doc.callout(Callout.Level.OK, "Every change was applied; no decision is pending.");
        }
        doc.figures(List.of(new Figure("files", result.input().files().size(), null),
                new Figure("documents", result.documents().size(), null), new Figure("objects", result.objects(), null),
                new Figure("documents changed", result.changedDocuments(), null)));
        List<Figure> byMode = new ArrayList<>();
        for (Map.Entry<RuleMode, Integer> e : result.countByMode().entrySet()) {
            byMode.add(new Figure(e.getKey().name().replace('_', ' '), e.getValue(), e.getKey().name()));
        }
        byMode.add(new Figure("conflicts", conflicts, "CONFLICT"));
        doc.figures(byMode);
        doc.paragraph("**AUTO** applied, equivalent on AKS · **AUTO WARN** applied, check the result · "
                + "**HUMAN** not applied until a decision is made · **DROP** removed, AKS has no use for it · "
                + "**EXCLUDE** object left out, enable the Azure equivalent instead");
    }

    private static ReportDocument.Task decision(ObjectChange c) {
        Change change = c.change();
        List<String> details = new ArrayList<>();
        details.add(code(path(change)) + (change.before() != null && !change.before().isNull() ? " is " + value(change.before()) : ""));
        details.add(change.reason());
        if (!change.mappingKeys().isEmpty()) {
            details.add("Set " + String.join(" or ", change.mappingKeys().stream().map(ReportDocument::code).toList()));
        }
        return new ReportDocument.Task(object(c.object()) + " · " + location(c) + " · " + change.ruleId(), details);
    }

    private static List<String> change(ObjectChange c) {
        Change change = c.change();
        String after = !c.applied() ? "not applied" : change.isExclusion() ? "left out" : change.after() == null ? "removed" : value(change.after());
        List<String> row = List.of(code(path(change)), value(change.before()), after, change.ruleId(), change.mode().name(), change.reason());
        return c.applied() ? row : ReportDocument.highlighted(row);
    }

    private static String object(ObjectRef ref) {
        return "**" + ref.kind() + "** " + (ref.namespace() == null ? "" : ref.namespace() + "/") + (ref.name() == null ? "<unnamed>" : ref.name());
    }

    private static String location(ObjectChange c) {
        return ChangePaths.file(c.document());
    }

    private static String path(Change change) {
        return ChangePaths.shown(change.path());
    }

    /** A value as code; a long structured one pretty-printed, for the page shows a folded value whole when opened. */
    private static String value(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        return code(text.length() > HtmlInline.FOLD && !node.isTextual() ? pretty(node) : text);
    }

    private static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
