package io.jenkins.plugins.eks2aks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: inline CSS, no scripts, no external
 * resources, so it can be archived as a build artifact or mailed and still display. All text is escaped.
 */
public final class HtmlRenderer {


    private static final Pattern MARKED = Pattern.compile("HIGH|MEDIUM|LOW|INFO|PASS|FAIL|NOT_CHECKED");

    public String render(ReportDocument doc) {
        StringBuilder html = new StringBuilder();
        try {
            write(doc, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return html.toString();
    }

    /** Writes the page as it is rendered, so a large report is never held as one string. */
    public void write(ReportDocument doc, Appendable html) throws IOException {
        html.append(HtmlPage.head(doc.title())).append("<h1>").append(escape(doc.title())).append("</h1>\n");
        for (ReportDocument.Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                html.append("<h").append(Integer.toString(h.level())).append('>').append(escape(h.text()))
                        .append("</h").append(Integer.toString(h.level())).append(">\n");
            } else if (block instanceof ReportDocument.Paragraph p) {
                html.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof ReportDocument.Bullets b) {
                html.append("<ul>\n");
                for (String i : b.items()) {
                    html.append("<li>").append(escape(i)).append("</li>\n");
                }
                html.append("</ul>\n");
            } else if (block instanceof ReportDocument.Checklist c) {
                html.append("<ul class=\"checklist\">\n");
                for (String i : c.items()) {
                    html.append("<li><input type=\"checkbox\" disabled aria-label=\"done\"><div>").append(escape(i)).append("</div></li>\n");
                }
                html.append("</ul>\n");
            } else if (block instanceof ReportDocument.Table t) {
                table(html, t);
            }
        }
        html.append(HtmlPage.TAIL);
    }

    private static void table(Appendable html, ReportDocument.Table t) throws IOException {
        html.append("<table>\n<thead><tr>");
        for (String h : t.headers()) {
            html.append("<th>").append(escape(h)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                String text = cell == null ? "" : cell;
                // Severity and status words get a class, so they stand out in colour.
                boolean marked = MARKED.matcher(text).matches();
                html.append(marked ? "<td class=\"" + text + "\">" : "<td>").append(escape(text)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String escape(String text) {
        return HtmlPage.escape(text);
    }
}
