package io.jenkins.plugins.eks2aks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: inline CSS, no scripts, no external
 * resources, so it can be archived as a build artifact or mailed and still display. All text is escaped.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1b1f24}
            h1{font-size:1.6rem;border-bottom:2px solid #0078d4;padding-bottom:.3rem}h2{font-size:1.25rem;margin-top:2rem;color:#0b4f8a}
            h3{font-size:1.05rem}table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}
            th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            th{background:#f3f6f9}tr:nth-child(even) td{background:#fafbfc}
            td.HIGH,td.FAIL{color:#a40e26;font-weight:600}td.MEDIUM{color:#9a6700;font-weight:600}
            td.PASS{color:#1a7f37;font-weight:600}td.NOT_CHECKED{color:#57606a}
            """;

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
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(doc.title())).append("</h1>\n");
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
            } else if (block instanceof ReportDocument.Table t) {
                table(html, t);
            }
        }
        html.append("</body>\n</html>\n");
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

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
