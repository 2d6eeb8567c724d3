package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.report.ReportDocument.Callout;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Figure;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Group;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Link;
import io.jenkins.plugins.eks2aks.report.ReportDocument.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The blocks made for the HTML page read plainly in Markdown; the text, code spans included, passes unchanged. */
class MarkdownRendererTest {

    @Test
    void theBlocksOfTheHtmlPageReadPlainlyInMarkdown() {
        ReportDocument doc = new ReportDocument("Report")
                .navigation(List.of(new Link("Summary", "summary"), new Link("Changes (2)", "changes")))
                .section("Summary", "summary").callout(Callout.Level.FAILED, "1 conflict: rules disagree")
                .figures(List.of(new Figure("files", 3, null), new Figure("AUTO WARN", 1, "AUTO_WARN")))
                .section("Changes", "changes")
                .groupedTable(List.of("Path", "Mode"), List.of(new Group("**Service** shop/web · a.yaml #1 · 2 changes",
                        List.of(List.of("`/spec/type`", "AUTO"), ReportDocument.highlighted(List.of("`/a|b`", "HUMAN"))))), "None.")
                .tasks(List.of(new Task("**PVC** shop/data · a.yaml #2 · S1", List.of("`/spec/storageClassName` is `gp2`", "set `storageClasses.gp2`"))))
                .checklist(List.of("plain"));

        assertEquals("""
                # Report

                Summary · Changes (2)

                ## Summary

                > 1 conflict: rules disagree

                |  | Count |
                |---|---|
                | files | 3 |
                | AUTO WARN | 1 |

                ## Changes

                **Service** shop/web · a.yaml #1 · 2 changes

                | Path | Mode |
                |---|---|
                | `/spec/type` | AUTO |
                | `/a\\|b` | HUMAN |

                - [ ] **PVC** shop/data · a.yaml #2 · S1
                  `/spec/storageClassName` is `gp2`
                  set `storageClasses.gp2`

                - [ ] plain

                """, new MarkdownRenderer().render(doc));
    }

    @Test
    void codeMadeByTheDocumentFencesTheBackticksItHolds() {
        assertEquals("`plain`", ReportDocument.code("plain"));
        assertEquals("``a`b``", ReportDocument.code("a`b"));
        assertEquals("``` `` ```", ReportDocument.code("``"));
        assertEquals("`` `x` ``", ReportDocument.code("`x`"));
        assertEquals("`  spaced  `", ReportDocument.code(" spaced "));
        assertEquals("` `", ReportDocument.code(""));
    }
}
