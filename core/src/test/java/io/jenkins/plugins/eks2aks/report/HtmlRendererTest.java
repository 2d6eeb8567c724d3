package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.report.ReportDocument.Callout;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Figure;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Group;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Link;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlRendererTest {

    private static String body(ReportDocument doc) {
        String html = new HtmlRenderer().render(doc);
        return html.substring(html.indexOf("</h1>\n") + 6, html.indexOf(HtmlPage.TAIL));
    }

    private static String paragraph(String text) {
        return body(new ReportDocument("t").paragraph(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "set `storageClassName`|<p>set <code>storageClassName</code></p>",
            "a `<b>` & `x\"y`|<p>a <code>&lt;b&gt;</code> &amp; <code>x&quot;y</code></p>",
            "``a`b``|<p><code>a`b</code></p>",
            "`` `x` ``|<p><code>`x`</code></p>",
            "one ` backtick|<p>one ` backtick</p>",
            "`` not closed `|<p>`` not closed `</p>",
            "**Deployment** shop/web|<p><b>Deployment</b> shop/web</p>",
            "**`code` in bold**|<p><b><code>code</code> in bold</b></p>",
            "`**not bold**`|<p><code>**not bold**</code></p>",
            "globs **/*.yaml stay|<p>globs **/*.yaml stay</p>",
            "**<i>**|<p><b>&lt;i&gt;</b></p>",
    })
    void inlineCodeAndBoldBecomeElementsAndTheRestIsEscaped(String text, String html) {
        assertEquals(html + "\n", paragraph(text));
    }

    @Test
    void codeMadeByTheDocumentReadsBackAsTheSameText() {
        for (String text : List.of("plain", "a`b", "``", "`edge`", " spaced ", "", "x ``` y")) {
            String html = paragraph(ReportDocument.code(text));
            String shown = text.isEmpty() ? " " : text; // CommonMark has no empty code span
            assertEquals("<p><code>" + HtmlPage.escape(shown) + "</code></p>\n", html, text);
        }
    }

    @Test
    void aLongCodeSpanIsFoldedAndShownWhole() {
        String value = "é".repeat(59) + "\uD83D\uDE00" + "v".repeat(200);

        String html = paragraph(ReportDocument.code(value));

        assertTrue(html.contains("<details><summary><code>" + "é".repeat(59) + "…</code></summary><pre>" + value + "</pre></details>"),
                "the summary does not cut a character in two: " + html);
    }

    @Test
    void theBlocksOfASummaryPageRenderWithTheSharedClasses() {
        ReportDocument doc = new ReportDocument("t").navigation(List.of(new Link("Summary", "summary"), new Link("Left out (2)", "out")))
                .section("Summary", "summary").callout(Callout.Level.PENDING, "1 decision needed")
                .figures(List.of(new Figure("files", 3, null), new Figure("HUMAN", 1, "HUMAN")))
                .section("Left out", "out").section("Plain");

        assertEquals("""
                <nav><a href="#summary">Summary</a><a href="#out">Left out (2)</a></nav>
                <section id="summary">
                <h2>Summary</h2>
                <div class="status pending">1 decision needed</div>
                <div class="cards">
                <div class="card"><b>3</b><span>files</span></div>
                <div class="card HUMAN"><b>1</b><span>HUMAN</span></div>
                </div>
                </section>
                <section id="out">
                <h2>Left out</h2>
                </section>
                <section>
                <h2>Plain</h2>
                </section>
                """, body(doc));
    }

    @Test
    void aGroupedTableHasAHeadingRowPerGroupAndHighlightedRowsStandOut() {
        ReportDocument doc = new ReportDocument("t").groupedTable(List.of("Path", "Mode"), List.of(
                new Group("**Service** shop/web", List.of(List.of("`/spec/type`", "AUTO"), ReportDocument.highlighted(List.of("`/x`", "HUMAN"))))),
                "None.");

        assertEquals("""
                <table>
                <thead><tr><th>Path</th><th>Mode</th></tr></thead>
                <tbody class="group"><tr><th colspan="2"><b>Service</b> shop/web</th></tr></tbody>
                <tbody>
                <tr><td><code>/spec/type</code></td><td class="AUTO">AUTO</td></tr>
                <tr class="highlight"><td><code>/x</code></td><td class="HUMAN">HUMAN</td></tr>
                </tbody>
                </table>
                """, body(doc));
        assertEquals("<p>None.</p>\n", body(new ReportDocument("t").groupedTable(List.of("Path"), List.of(), "None.")));
    }

    @Test
    void aTaskWithDetailsShowsWhatFirstThenEachDetail() {
        ReportDocument doc = new ReportDocument("t").tasks(List.of(new Task("**PVC** shop/data", List.of("set `storageClasses.gp2`")),
                new Task("plain <task>", List.of())));

        assertEquals("""
                <ul class="checklist">
                <li><input type="checkbox" disabled aria-label="done"><div><div class="what"><b>PVC</b> shop/data</div>
                <div class="detail">set <code>storageClasses.gp2</code></div>
                </div></li>
                <li><input type="checkbox" disabled aria-label="done"><div>plain &lt;task&gt;</div></li>
                </ul>
                """, body(doc));
    }
}
