package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.FailOn;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decisions that belong to no object (an empty input, a kustomize patch left unconverted) are listed in the JSON,
 * Markdown and HTML reports with the other pending decisions, and count where pending decisions count (--fail-on,
 * the HTML page's banner); the notes on how the input was read are in every report too.
 */
class InputDecisionsReportTest {

    private static final String PATCH = "overlay/kustomization.yaml patches[3] operation 0 (remove /metadata/annotations/"
            + "service.beta.kubernetes.io~1aws-load-balancer-scheme): a load-balancer or ingress setting changed by an "
            + "operation no rule converts (a decision)";

    private static ConversionResult result(int objects) {
        ConversionResult fixture = ReportFixtures.result();
        return new ConversionResult(objects == 0 ? new ManifestSet(Path.of("in"), true, List.of(), List.of()) : fixture.input(),
                objects == 0 ? List.of() : fixture.documents(), objects == 0 ? List.of() : fixture.changes(), List.of(),
                objects, List.of(PATCH));
    }

    @Test
    void anUnconvertedPatchIsADecisionInBothReportsAndCountsForFailOn() throws Exception {
        ConversionResult result = result(ReportFixtures.result().objects());
        JsonNode json = new ObjectMapper().readTree(new ConversionReportJson().render(result, List.of()));
        assertEquals(PATCH, json.at("/inputDecisions/0/reason").asText(), json.toString());
        assertEquals(result.pendingDecisions(), json.at("/summary/pendingDecisions").asInt());
        assertEquals(json.path("decisions").size() + 1, result.pendingDecisions());

        String md = new ConversionReportMarkdown().render(result, List.of());
        String section = md.substring(md.indexOf("## Decisions needed"), md.indexOf("## Objects left out"));
        assertTrue(section.contains("- [ ] " + PATCH + "\n"), section);
        // The patch alone is a pending decision: --fail-on decisions fails on it.
        ConversionResult patchOnly = new ConversionResult(result.input(), List.of(), List.of(), List.of(), 1, List.of(PATCH));
        assertEquals(FailOn.Verdict.DECISIONS_PENDING, FailOn.DECISIONS.verdict(0, patchOnly.pendingDecisions()));
    }

    @Test
    void anEmptyInputIsADecisionInBothReports() throws Exception {
        ConversionResult result = result(0);
        assertEquals(2, result.pendingDecisions());
        JsonNode json = new ObjectMapper().readTree(new ConversionReportJson().render(result, List.of()));
        assertEquals(2, json.path("inputDecisions").size(), json.toString());
        assertTrue(json.at("/inputDecisions/0/reason").asText().startsWith("The input holds no Kubernetes object"));
        String md = new ConversionReportMarkdown().render(result, List.of());
        assertTrue(md.contains("- [ ] The input holds no Kubernetes object"), md);
        assertTrue(!md.contains("## Decisions needed\n\nNone."), md);
    }

    @Test
    void onlyAnUnconvertedPatchPendingIsADecisionOnTheHtmlPage() {
        ConversionResult fixture = ReportFixtures.result();
        ConversionResult patchOnly = new ConversionResult(fixture.input(), List.of(), List.of(), List.of(), 1, List.of(PATCH));

        String html = new ConversionReportHtml().render(patchOnly, List.of());

        String summary = section(html, "summary");
        assertTrue(summary.contains("<div class=\"status pending\">1 decision needed"), summary);
        assertFalse(html.contains("no decision is pending"), summary);
        assertTrue(html.contains("<a href=\"#decisions\">Decisions needed (1)</a>"), html);
        String decisions = section(html, "decisions");
        assertTrue(decisions.contains("<input type=\"checkbox\" disabled aria-label=\"done\"><div>" + PATCH + "</div>"),
                decisions);
    }

    @Test
    void anEmptyInputIsADecisionOnTheHtmlPageBeforeTheObjectsDecisions() {
        String html = new ConversionReportHtml().render(result(0), List.of());

        String decisions = section(html, "decisions");
        assertTrue(decisions.contains("The input holds no Kubernetes object"), decisions);
        assertTrue(decisions.indexOf("The input holds no Kubernetes object") < decisions.indexOf(PATCH), decisions);
        assertTrue(section(html, "summary").contains("2 decisions needed"), html);

        // With objects, the object's decisions follow the input's.
        String withObjects = section(new ConversionReportHtml().render(result(ReportFixtures.result().objects()), List.of()),
                "decisions");
        assertTrue(withObjects.indexOf(PATCH) < withObjects.indexOf("nodePools.ng-1"), withObjects);
    }

    @Test
    void theNotesOnHowTheInputWasReadAreOnTheHtmlPage() {
        String note = "charts/web/Chart.yaml: a Helm chart is not rendered; run helm template first";
        ConversionResult fixture = ReportFixtures.result();
        ManifestSet in = fixture.input();
        ConversionResult noted = new ConversionResult(new ManifestSet(in.root(), in.directory(), in.files(), in.passThrough(),
                List.of(note)), fixture.documents(), fixture.changes(), fixture.conflicts(), fixture.objects());

        String html = new ConversionReportHtml().render(noted, List.of());
        assertTrue(section(html, "input").contains("<li>" + note + "</li>"), html);
        assertTrue(html.contains("<a href=\"#input\">Input read differently (1)</a>"), html);
        assertTrue(new ConversionReportMarkdown().render(noted, List.of()).contains("- " + note + "\n"), "as in the Markdown");

        String without = new ConversionReportHtml().render(fixture, List.of());
        assertFalse(without.contains("<section id=\"input\">"), "no section without notes");
        assertFalse(without.contains("#input"), without);
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id + " in " + html);
        return html.substring(start, html.indexOf("</section>", start));
    }
}
