package io.jenkins.plugins.eks2aks.report;

import java.io.IOException;

/**
 * The inline text of a {@link ReportDocument} as HTML: escaped, with the two Markdown spans the reports use,
 * {@code `code`} (any number of backticks, as CommonMark reads them) and {@code **bold**}, so a reason such as
 * "set `storageClassName`" reads the same in the Markdown and in the HTML report. A code span longer than
 * {@value #FOLD} characters is folded into a {@code <details>} element that shows it whole when opened.
 */
final class HtmlInline {

    static final int FOLD = 160;

    /** How much of a folded code span its summary shows. */
    private static final int SUMMARY = 60;

    private HtmlInline() {
    }

    static void write(Appendable html, String text) throws IOException {
        if (text == null) {
            return;
        }
        if (text.indexOf('`') < 0 && !text.contains("**")) {
            html.append(HtmlPage.escape(text)); // most text has no span: no scan
            return;
        }
        int plain = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                int fence = run(text, i);
                int close = closingFence(text, i + fence, fence);
                if (close >= 0) {
                    html.append(HtmlPage.escape(text.substring(plain, i)));
                    code(html, text.substring(i + fence, close));
                    i = close + fence;
                    plain = i;
                } else {
                    i += fence; // backticks without their closing run are just backticks
                }
            } else if (c == '*' && text.startsWith("**", i)) {
                int close = text.indexOf("**", i + 2);
                if (close > i + 2 && !Character.isWhitespace(text.charAt(i + 2)) && !Character.isWhitespace(text.charAt(close - 1))) {
                    html.append(HtmlPage.escape(text.substring(plain, i))).append("<b>");
                    write(html, text.substring(i + 2, close));
                    html.append("</b>");
                    i = close + 2;
                    plain = i;
                } else {
                    i += 2;
                }
            } else {
                i++;
            }
        }
        html.append(HtmlPage.escape(text.substring(plain)));
    }

    private static void code(Appendable html, String span) throws IOException {
        // CommonMark strips one space on each side, which lets a span start or end with a backtick.
        String content = span.length() >= 2 && span.startsWith(" ") && span.endsWith(" ") && !span.isBlank()
                ? span.substring(1, span.length() - 1) : span;
        if (content.length() <= FOLD) {
            html.append("<code>").append(HtmlPage.escape(content)).append("</code>");
            return;
        }
        int cut = Character.isHighSurrogate(content.charAt(SUMMARY - 1)) ? SUMMARY - 1 : SUMMARY;
        html.append("<details><summary><code>").append(HtmlPage.escape(content.substring(0, cut)))
                .append("…</code></summary><pre>").append(HtmlPage.escape(content)).append("</pre></details>");
    }

    /** The number of backticks from {@code from} on. */
    private static int run(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end - from;
    }

    /** Where the next run of exactly {@code length} backticks starts, or -1. */
    private static int closingFence(String text, int from, int length) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                int n = run(text, i);
                if (n == length) {
                    return i;
                }
                i += n;
            } else {
                i++;
            }
        }
        return -1;
    }
}
