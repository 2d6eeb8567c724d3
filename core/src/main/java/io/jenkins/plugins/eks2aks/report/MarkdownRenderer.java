package io.jenkins.plugins.eks2aks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as GitHub-flavoured Markdown. The blocks made for the HTML page read plainly:
 * figures as a table of counts, a callout as a quote, the navigation as a line of section names, a grouped
 * table as one table per group under its heading.
 */
public final class MarkdownRenderer {

    public String render(ReportDocument doc) {
        StringBuilder md = new StringBuilder();
        try {
            write(doc, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return md.toString();
    }

    /** Writes the document as it is rendered, so a large report is never held as one string. */
    public void write(ReportDocument doc, Appendable md) throws IOException {
        md.append("# ").append(inline(doc.title())).append("\n\n");
        for (ReportDocument.Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Paragraph p) {
                md.append(inline(p.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Bullets b) {
                for (String i : b.items()) {
                    md.append("- ").append(inline(i)).append('\n');
                }
                md.append('\n');
            } else if (block instanceof ReportDocument.Checklist c) {
                for (ReportDocument.Task task : c.items()) {
                    md.append("- [ ] ").append(inline(task.text())).append('\n');
                    for (String detail : task.details()) {
                        md.append("  ").append(inline(detail)).append('\n'); // continues the item's paragraph
                    }
                }
                md.append('\n');
            } else if (block instanceof ReportDocument.Table t) {
                table(md, t.headers(), t.rows());
            } else if (block instanceof ReportDocument.GroupedTable t) {
                for (ReportDocument.Group g : t.groups()) {
                    md.append(inline(g.heading())).append("\n\n");
                    table(md, t.headers(), g.rows());
                }
            } else if (block instanceof ReportDocument.Figures f) {
                table(md, List.of("", "Count"), f.figures().stream().map(i -> List.of(i.label(), Long.toString(i.value()))).toList());
            } else if (block instanceof ReportDocument.Callout c) {
                md.append("> ").append(inline(c.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Navigation n) {
                md.append(String.join(" · ", n.links().stream().map(l -> inline(l.text())).toList())).append("\n\n");
            }
        }
    }

    private static void table(Appendable md, List<String> headers, List<List<String>> rows) throws IOException {
        row(md, headers);
        md.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> r : rows) {
            row(md, r);
        }
        md.append('\n');
    }

    private static void row(Appendable md, List<String> cells) throws IOException {
        md.append("| ").append(String.join(" | ", cells.stream().map(MarkdownRenderer::cell).toList())).append(" |\n");
    }

    private static String inline(String text) {
        return text.replace("\r", "").replace("\n", " ");
    }

    private static String cell(String text) {
        return inline(text == null ? "" : text).replace("|", "\\|");
    }
}
