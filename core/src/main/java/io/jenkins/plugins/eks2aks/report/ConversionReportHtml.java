package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Conflict;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conversion report as one self-contained HTML page (inline CSS, no script, no external asset), for a
 * browser or a Jenkins build artifact: summary counts by mode, the decisions still needed as a checklist with
 * the mapping-file key that supplies each, the objects left out with their Azure equivalent, conflicts, and
 * every change grouped by object. Every text from the input is escaped.
 *
 * <p>Long because: it hand-builds its page; issue 11 moves it onto ReportDocument and HtmlRenderer like the
 * inventory and preflight reports.
 */
public final class ConversionReportHtml {

    /** Values longer than this are folded into a {@code <details>} element. */
    private static final int FOLD = 160;

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
        StringBuilder h = new StringBuilder(1 << 17);
        List<ObjectChange> decisions = result.changes().stream().filter(c -> c.change().mode() == RuleMode.HUMAN).toList();
        List<ObjectChange> exclusions = result.changes().stream().filter(c -> c.change().isExclusion()).toList();
        h.append(HtmlPage.head("EKS → AKS conversion report"));

        h.append("<header>\n<h1>EKS → AKS conversion report</h1>\n<p class=\"meta\">Input <code>");
        // The input's name, not its absolute path: reports must not depend on where the repository is checked out.
        esc(h, String.valueOf(result.input().root().getFileName())).append("</code> · registry map ");
        if (registryMap.isEmpty()) {
            h.append("<span class=\"none\">none</span>");
        } else {
            for (int i = 0; i < registryMap.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<code>");
                esc(h, registryMap.get(i)).append("</code>");
            }
        }
        h.append("</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#decisions\">Decisions needed (").append(decisions.size())
                .append(")</a><a href=\"#exclusions\">Left out (").append(exclusions.size())
                .append(")</a><a href=\"#conflicts\">Conflicts (").append(result.conflicts().size())
                .append(")</a><a href=\"#changes\">Changes (").append(result.changes().size()).append(")</a></nav>\n</header>\n");

        summary(h, result, decisions.size());
        decisions(h, decisions, out);
        exclusions(h, exclusions, out);
        conflicts(h, result.conflicts());
        changes(h, result, out);

        h.append("<footer>Written by eks2aks · report schema <code>").append(ConversionReportJson.SCHEMA)
                .append("</code> · the same data as <code>conversion-report.json</code> and <code>conversion-report.md</code></footer>\n");
        h.append(HtmlPage.TAIL);
        flush(h, out);
    }

    /** Hands the text so far to {@code out}: between rows once there is enough of it, or at the end. */
    private static void flush(StringBuilder h, Writer out) throws IOException {
        char[] chars = new char[h.length()];
        h.getChars(0, chars.length, chars, 0);
        out.write(chars); // Writer.append(CharSequence) would first copy it into a String
        h.setLength(0);
    }

    private static void flushSometimes(StringBuilder h, Writer out) throws IOException {
        if (h.length() >= 1 << 16) {
            flush(h, out);
        }
    }

    private static void summary(StringBuilder h, ConversionResult result, int pending) {
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        int conflicts = result.conflicts().size();
        if (conflicts > 0) {
            h.append("<div class=\"status failed\">").append(conflicts).append(" conflict").append(conflicts == 1 ? "" : "s")
                    .append(": rules disagree on a field, and none of their changes to it was applied.</div>\n");
        } else if (pending > 0) {
            h.append("<div class=\"status pending\">").append(pending).append(" decision").append(pending == 1 ? "" : "s")
                    .append(" needed before the conversion is complete.</div>\n");
        } else {
            h.append("<div class=\"status ok\">Every change was applied; no decision is pending.</div>\n");
        }
        h.append("<div class=\"cards\">\n");
        card(h, "", result.input().files().size(), "files");
        card(h, "", result.documents().size(), "documents");
        card(h, "", result.objects(), "objects");
        card(h, "", result.changedDocuments(), "documents changed");
        h.append("</div>\n<div class=\"cards\">\n");
        for (Map.Entry<RuleMode, Integer> e : result.countByMode().entrySet()) {
            card(h, cssClass(e.getKey()), e.getValue(), label(e.getKey()));
        }
        card(h, "conflict", conflicts, "conflicts");
        h.append("</div>\n<p class=\"legend\"><b>AUTO</b> applied, equivalent on AKS · <b>AUTO WARN</b> applied, check the result · ")
                .append("<b>HUMAN</b> not applied until a decision is made · <b>DROP</b> removed, AKS has no use for it · ")
                .append("<b>EXCLUDE</b> object left out, enable the Azure equivalent instead</p>\n</section>\n");
    }

    private static void card(StringBuilder h, String css, int count, String label) {
        h.append("<div class=\"card ").append(css).append("\"><b>").append(count).append("</b><span>").append(label)
                .append("</span></div>\n");
    }

    private static void decisions(StringBuilder h, List<ObjectChange> decisions, Writer out) throws IOException {
        h.append("<section id=\"decisions\">\n<h2>Decisions needed</h2>\n");
        if (decisions.isEmpty()) {
            h.append("<p class=\"none\">None.</p>\n</section>\n");
            return;
        }
        h.append("<ul class=\"checklist\">\n");
        for (ObjectChange c : decisions) {
            Change change = c.change();
            h.append("<li><input type=\"checkbox\" disabled aria-label=\"decided\"><div>\n<div class=\"what\">");
            object(h, c.object()).append(" <span class=\"loc\">");
            location(h, c.document()).append("</span> <span class=\"rule\">");
            esc(h, change.ruleId()).append("</span></div>\n<p><code>");
            esc(h, change.path().isEmpty() ? "(whole object)" : change.path()).append("</code>");
            if (change.before() != null && !change.before().isNull()) {
                h.append(" is ");
                value(h, change.before());
            }
            h.append("</p>\n<p>");
            esc(h, change.reason()).append("</p>\n");
            List<String> keys = change.mappingKeys();
            if (!keys.isEmpty()) {
                h.append("<p class=\"keys\">Set ");
                for (int i = 0; i < keys.size(); i++) {
                    h.append(i == 0 ? "" : " or ").append("<code>");
                    esc(h, keys.get(i)).append("</code>");
                }
                h.append("</p>\n");
            }
            h.append("</div></li>\n");
            flushSometimes(h, out);
        }
        h.append("</ul>\n</section>\n");
    }

    private static void exclusions(StringBuilder h, List<ObjectChange> exclusions, Writer out) throws IOException {
        h.append("<section id=\"exclusions\">\n<h2>Objects left out of the migration</h2>\n");
        if (exclusions.isEmpty()) {
            h.append("<p class=\"none\">None.</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"fixed\">\n<colgroup><col style=\"width:26%\"><col style=\"width:16%\"><col style=\"width:6%\"><col></colgroup>\n")
                .append("<thead><tr><th>Object</th><th>File</th><th>Rule</th><th>Reason and Azure equivalent</th></tr></thead>\n<tbody>\n");
        for (ObjectChange c : exclusions) {
            h.append("<tr><td>");
            object(h, c.object()).append("</td><td class=\"loc\">");
            location(h, c.document()).append("</td><td class=\"rule\">");
            esc(h, c.change().ruleId()).append("</td><td>");
            esc(h, c.change().reason()).append("</td></tr>\n");
            flushSometimes(h, out);
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void conflicts(StringBuilder h, List<Conflict> conflicts) {
        h.append("<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
        if (conflicts.isEmpty()) {
            h.append("<p class=\"none\">None.</p>\n</section>\n");
            return;
        }
        h.append("<p>Two or more rules want to change the same field. None of their changes to it was applied: ")
                .append("disable one of the rules in the mapping file (<code>rules.disable</code>) or change the input.</p>\n")
                .append("<table class=\"fixed\">\n<colgroup><col style=\"width:26%\"><col style=\"width:16%\"><col><col style=\"width:14%\"></colgroup>\n")
                .append("<thead><tr><th>Object</th><th>File</th><th>Path</th><th>Rules</th></tr></thead>\n<tbody>\n");
        for (Conflict c : conflicts) {
            h.append("<tr><td>");
            object(h, c.object()).append("</td><td class=\"loc\">");
            location(h, c.document()).append("</td><td><code>");
            esc(h, c.path()).append("</code></td><td class=\"rule\">");
            esc(h, String.join(", ", c.ruleIds())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void changes(StringBuilder h, ConversionResult result, Writer out) throws IOException {
        h.append("<section id=\"changes\">\n<h2>Every change</h2>\n");
        if (result.changes().isEmpty()) {
            h.append("<p class=\"none\">None.</p>\n</section>\n");
            return;
        }
        h.append("<p class=\"legend\">Grouped by object, in input order. Paths are JSON pointers relative to the object. ")
                .append("Rows on a yellow background were not applied.</p>\n")
                .append("<table class=\"fixed\">\n<colgroup><col style=\"width:22%\"><col style=\"width:17%\"><col style=\"width:17%\">")
                .append("<col style=\"width:5%\"><col style=\"width:8%\"><col></colgroup>\n")
                .append("<thead><tr><th>Path</th><th>Before</th><th>After</th><th>Rule</th><th>Mode</th><th>Reason</th></tr></thead>\n");
        List<ObjectChange> changes = result.changes();
        for (int i = 0; i < changes.size(); ) {
            ObjectChange first = changes.get(i);
            int end = i + 1;
            while (end < changes.size() && changes.get(end).document() == first.document()
                    && changes.get(end).object().equals(first.object())) {
                end++;
            }
            h.append("<tbody class=\"object\"><tr><th colspan=\"6\">");
            object(h, first.object()).append(" <span class=\"loc\">");
            location(h, first.document()).append(" · ").append(end - i).append(" change").append(end - i == 1 ? "" : "s")
                    .append("</span></th></tr></tbody>\n<tbody>\n");
            for (int j = i; j < end; j++) {
                row(h, changes.get(j));
            }
            h.append("</tbody>\n");
            flushSometimes(h, out);
            i = end;
        }
        h.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder h, ObjectChange c) {
        Change change = c.change();
        h.append(c.applied() ? "<tr>" : "<tr class=\"held\">").append("<td><code>");
        esc(h, change.path().isEmpty() ? "(whole object)" : change.path()).append("</code></td><td>");
        value(h, change.before());
        h.append("</td><td>");
        if (!c.applied()) {
            h.append("<span class=\"none\">not applied</span>");
        } else if (change.isExclusion()) {
            h.append("<span class=\"none\">left out</span>");
        } else if (change.after() == null) {
            h.append("<span class=\"none\">removed</span>");
        } else {
            value(h, change.after());
        }
        h.append("</td><td class=\"rule\">");
        esc(h, change.ruleId()).append("</td><td><span class=\"badge ").append(cssClass(change.mode())).append("\">")
                .append(label(change.mode())).append("</span></td><td>");
        esc(h, change.reason()).append("</td></tr>\n");
    }

    private static StringBuilder object(StringBuilder h, ObjectRef ref) {
        h.append("<b>");
        esc(h, ref.kind()).append("</b> ");
        return esc(h, (ref.namespace() == null ? "" : ref.namespace() + "/") + (ref.name() == null ? "<unnamed>" : ref.name()));
    }

    private static StringBuilder location(StringBuilder h, ManifestDocument document) {
        esc(h, document.file());
        return h.append(" #").append(document.index() + 1);
    }

    private static void value(StringBuilder h, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        if (text.length() <= FOLD) {
            h.append("<code>");
            esc(h, text).append("</code>");
            return;
        }
        h.append("<details><summary><code>");
        int cut = Character.isHighSurrogate(text.charAt(59)) ? 59 : 60;
        esc(h, text.substring(0, cut)).append("…</code></summary><pre>");
        esc(h, node.isTextual() ? text : pretty(node)).append("</pre></details>");
    }

    private static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String cssClass(RuleMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static String label(RuleMode mode) {
        return mode.name().replace('_', ' ');
    }

    private static StringBuilder esc(StringBuilder h, String text) {
        return HtmlPage.escape(h, text);
    }
}
