package io.jenkins.plugins.eks2aks.report;

import java.util.List;

/** Renders a {@link ReportDocument} as GitHub-flavoured Markdown. */
public final class MarkdownRenderer {

    public String render(ReportDocument doc) {
        StringBuilder md = new StringBuilder("# ").append(inline(doc.title())).append("\n\n");
        for (ReportDocument.Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Paragraph p) {
                md.append(inline(p.text())).append("\n\n");
            } else if (block instanceof ReportDocument.Bullets b) {
                b.items().forEach(i -> md.append("- ").append(inline(i)).append('\n'));
                md.append('\n');
            } else if (block instanceof ReportDocument.Table t) {
                row(md, t.headers());
                md.append("|").append("---|".repeat(t.headers().size())).append('\n');
                t.rows().forEach(r -> row(md, r));
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells.stream().map(MarkdownRenderer::cell).toList())).append(" |\n");
    }

    private static String inline(String text) {
        return text.replace("\r", "").replace("\n", " ");
    }

    private static String cell(String text) {
        return inline(text == null ? "" : text).replace("|", "\\|");
    }
}
