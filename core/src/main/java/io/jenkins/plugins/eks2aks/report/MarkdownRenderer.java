package io.jenkins.plugins.eks2aks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders a {@link ReportDocument} as GitHub-flavoured Markdown. */
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
                for (String i : c.items()) {
                    md.append("- [ ] ").append(inline(i)).append('\n');
                }
                md.append('\n');
            } else if (block instanceof ReportDocument.Table t) {
                row(md, t.headers());
                md.append("|").append("---|".repeat(t.headers().size())).append('\n');
                for (List<String> r : t.rows()) {
                    row(md, r);
                }
                md.append('\n');
            }
        }
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
