package io.jenkins.plugins.eks2aks.report;

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

    static void write(StringBuilder html, String text) {
        if (text != null) {
            write(html, text, 0, text.length());
        }
    }

    /** Writes the characters of {@code text} from {@code start} to {@code end}. */
    private static void write(StringBuilder html, String text, int start, int end) {
        int plain = start;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '`') {
                int fence = run(text, i, end);
                int close = closingFence(text, i + fence, end, fence);
                if (close >= 0) {
                    html.append(text, plain, i);
                    code(html, text, i + fence, close);
                    i = close + fence;
                    plain = i;
                } else {
                    i += fence; // backticks without their closing run are just backticks
                }
            } else if (c == '*' && i + 1 < end && text.charAt(i + 1) == '*') {
                int close = text.indexOf("**", i + 2);
                if (close > i + 2 && close + 2 <= end && !Character.isWhitespace(text.charAt(i + 2))
                        && !Character.isWhitespace(text.charAt(close - 1))) {
                    html.append(text, plain, i).append("<b>");
                    write(html, text, i + 2, close);
                    html.append("</b>");
                    i = close + 2;
                    plain = i;
                } else {
                    i += 2;
                }
            } else {
                String entity = HtmlPage.entity(c); // escaped as it is read: one pass over the text
                if (entity != null) {
                    html.append(text, plain, i).append(entity);
                    plain = i + 1;
                }
                i++;
            }
        }
        html.append(text, plain, end);
    }

    private static void code(StringBuilder html, String text, int start, int end) {
        // CommonMark strips one space on each side, which lets a span start or end with a backtick.
        int from = start;
        int to = end;
        if (to - from >= 2 && text.charAt(from) == ' ' && text.charAt(to - 1) == ' ' && !text.substring(from, to).isBlank()) {
            from++;
            to--;
        }
        if (to - from <= FOLD) {
            HtmlPage.escape(html.append("<code>"), text, from, to).append("</code>");
            return;
        }
        int cut = from + (Character.isHighSurrogate(text.charAt(from + SUMMARY - 1)) ? SUMMARY - 1 : SUMMARY);
        HtmlPage.escape(html.append("<details><summary><code>"), text, from, cut).append("…</code></summary><pre>");
        HtmlPage.escape(html, text, from, to).append("</pre></details>");
    }

    /** The number of backticks from {@code from} on, up to {@code end}. */
    private static int run(String text, int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) == '`') {
            i++;
        }
        return i - from;
    }

    /** Where the next run of exactly {@code length} backticks starts before {@code end}, or -1. */
    private static int closingFence(String text, int from, int end, int length) {
        int i = from;
        while (i < end) {
            if (text.charAt(i) == '`') {
                int n = run(text, i, end);
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
