package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.report.ReportDocument.Block;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: inline CSS, no scripts, no external
 * resources, so it can be archived as a build artifact or mailed and still display. All text is escaped; each
 * section is a {@code <section>}, with the id of its anchor when it has one.
 */
public final class HtmlRenderer {

    /** Severity, status and rule-mode words: a cell holding only one gets it as its class, to stand out in colour. */
    private static final Set<String> MARKED = Set.of("HIGH", "MEDIUM", "LOW", "INFO", "PASS", "FAIL", "NOT_CHECKED",
            "AUTO", "AUTO_WARN", "HUMAN", "DROP", "EXCLUDE");

    /** How much text is gathered before it is handed to the output. */
    private static final int CHUNK = 1 << 16;

    public String render(ReportDocument doc) {
        StringBuilder html = new StringBuilder();
        try {
            write(doc, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return html.toString();
    }

    /**
     * Writes the page as it is rendered, so a large report is never held as one string: the text is gathered in a
     * buffer (appending to it is cheap, to a {@code Writer} is not) handed to {@code out} a chunk at a time.
     */
    public void write(ReportDocument doc, Appendable out) throws IOException {
        Chunks html = new Chunks(out);
        html.append(HtmlPage.head(doc.title())).append("<h1>").append(HtmlPage.escape(doc.title())).append("</h1>\n");
        boolean inSection = false;
        for (Block block : doc.blocks()) {
            if (block instanceof ReportDocument.Heading h && h.level() == 2) {
                html.append(inSection ? "</section>\n" : "").append(h.anchor() == null ? "<section>\n"
                        : "<section id=\"" + HtmlPage.escape(h.anchor()) + "\">\n");
                inSection = true;
            }
            block(html, block);
        }
        html.append(inSection ? "</section>\n" : "").append(HtmlPage.TAIL);
        html.flush();
    }

    /** The buffer and where it goes. */
    private static final class Chunks {

        private final StringBuilder text = new StringBuilder(CHUNK + 4096);
        private final Appendable out;

        Chunks(Appendable out) {
            this.out = out;
        }

        Chunks append(String s) {
            text.append(s);
            return this;
        }

        Chunks append(char c) {
            text.append(c);
            return this;
        }

        void flushSometimes() throws IOException {
            if (text.length() >= CHUNK) {
                flush();
            }
        }

        void flush() throws IOException {
            out.append(text);
            text.setLength(0);
        }
    }

    private static void block(Chunks html, Block block) throws IOException {
        if (block instanceof ReportDocument.Heading h) {
            html.append("<h").append(Integer.toString(h.level())).append('>');
            text(html, h.text());
            html.append("</h").append(Integer.toString(h.level())).append(">\n");
        } else if (block instanceof ReportDocument.Paragraph p) {
            html.append("<p>");
            text(html, p.text());
            html.append("</p>\n");
        } else if (block instanceof ReportDocument.Bullets b) {
            html.append("<ul>\n");
            for (String i : b.items()) {
                html.append("<li>");
                text(html, i);
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        } else if (block instanceof ReportDocument.Checklist c) {
            checklist(html, c);
        } else if (block instanceof ReportDocument.Table t) {
            html.append("<table>\n");
            head(html, t.headers());
            html.append("<tbody>\n");
            rows(html, t.rows());
            html.append("</tbody>\n</table>\n");
        } else if (block instanceof ReportDocument.GroupedTable t) {
            html.append("<table>\n");
            head(html, t.headers());
            for (ReportDocument.Group g : t.groups()) {
                html.append("<tbody class=\"group\"><tr><th colspan=\"").append(Integer.toString(t.headers().size())).append("\">");
                text(html, g.heading());
                html.append("</th></tr></tbody>\n<tbody>\n");
                rows(html, g.rows());
                html.append("</tbody>\n");
            }
            html.append("</table>\n");
        } else if (block instanceof ReportDocument.Figures f) {
            html.append("<div class=\"cards\">\n");
            for (ReportDocument.Figure figure : f.figures()) {
                html.append(figure.mark() == null ? "<div class=\"card\">" : "<div class=\"card " + HtmlPage.escape(figure.mark()) + "\">")
                        .append("<b>").append(Long.toString(figure.value())).append("</b><span>");
                text(html, figure.label());
                html.append("</span></div>\n");
            }
            html.append("</div>\n");
        } else if (block instanceof ReportDocument.Callout c) {
            html.append("<div class=\"status ").append(c.level().name().toLowerCase(Locale.ROOT)).append("\">");
            text(html, c.text());
            html.append("</div>\n");
        } else if (block instanceof ReportDocument.Navigation n) {
            html.append("<nav>");
            for (ReportDocument.Link link : n.links()) {
                html.append("<a href=\"#").append(HtmlPage.escape(link.anchor())).append("\">");
                text(html, link.text());
                html.append("</a>");
            }
            html.append("</nav>\n");
        }
    }

    private static void checklist(Chunks html, ReportDocument.Checklist c) throws IOException {
        html.append("<ul class=\"checklist\">\n");
        for (ReportDocument.Task task : c.items()) {
            html.append("<li><input type=\"checkbox\" disabled aria-label=\"done\"><div>");
            if (task.details().isEmpty()) {
                text(html, task.text());
            } else {
                html.append("<div class=\"what\">");
                text(html, task.text());
                html.append("</div>\n");
                for (String detail : task.details()) {
                    html.append("<div class=\"detail\">");
                    text(html, detail);
                    html.append("</div>\n");
                }
            }
            html.append("</div></li>\n");
            html.flushSometimes();
        }
        html.append("</ul>\n");
    }

    private static void head(Chunks html, List<String> headers) throws IOException {
        html.append("<thead><tr>");
        for (String h : headers) {
            html.append("<th>");
            text(html, h);
            html.append("</th>");
        }
        html.append("</tr></thead>\n");
    }

    private static void rows(Chunks html, List<List<String>> rows) throws IOException {
        for (List<String> row : rows) {
            html.append(ReportDocument.isHighlighted(row) ? "<tr class=\"highlight\">" : "<tr>");
            for (String cell : row) {
                String text = cell == null ? "" : cell;
                boolean marked = MARKED.contains(text);
                html.append(marked ? "<td class=\"" + text + "\">" : "<td>");
                text(html, text);
                html.append("</td>");
            }
            html.append("</tr>\n");
            html.flushSometimes();
        }
    }

    private static void text(Chunks html, String text) {
        HtmlInline.write(html.text, text);
    }
}
