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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decisions that belong to no object (an empty input, a kustomize patch left unconverted) are listed in the JSON and
 * Markdown reports with the other pending decisions, and count where pending decisions count (--fail-on).
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
}
