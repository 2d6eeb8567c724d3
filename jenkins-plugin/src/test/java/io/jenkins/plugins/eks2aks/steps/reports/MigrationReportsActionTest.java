package io.jenkins.plugins.eks2aks.steps.reports;

import hudson.model.Run;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The build page's report links: what a step's result names under the workspace, once per file. */
class MigrationReportsActionTest {

    private static Map<String, Object> summary(String root) {
        Map<String, Object> summary = new HashMap<>();
        summary.put("reportMarkdown", root + "/eks2aks/preflight/preflight.md");
        summary.put("reportJson", root + "/eks2aks/preflight/preflight.json");
        summary.put("junitXml", root + "/eks2aks/preflight/preflight-junit.xml");
        summary.put("reportHtml", "/elsewhere/report.html");
        summary.put("ready", Boolean.TRUE);
        summary.put("failedChecks", List.of("velero/crds"));
        return summary;
    }

    @Test
    void theReportsOfAStepAreLinkedRelativeToTheWorkspaceOnce() {
        Run<?, ?> run = mock(Run.class);

        MigrationReportsAction.record(run, "aksPreflight", summary("/ws/job"), "/ws/job");

        ArgumentCaptor<MigrationReportsAction> added = ArgumentCaptor.forClass(MigrationReportsAction.class);
        verify(run).addAction(added.capture());
        MigrationReportsAction action = added.getValue();
        assertEquals(List.of("junitXml eks2aks/preflight/preflight-junit.xml", "reportJson eks2aks/preflight/preflight.json",
                "reportMarkdown eks2aks/preflight/preflight.md"),
                action.getReports().stream().map(r -> r.getKind() + " " + r.getPath()).toList());
        assertEquals("aksPreflight", action.getReports().get(0).getStep());
        assertEquals("eks2aks-reports", action.getUrlName());

        when(run.getAction(MigrationReportsAction.class)).thenReturn(action);
        MigrationReportsAction.record(run, "aksPreflight", summary("/ws/job"), "/ws/job/");
        assertEquals(3, action.getReports().size(), "a re-run replaces its links instead of adding them again");
    }

    @Test
    void nothingToLinkAddsNoAction() {
        Run<?, ?> run = mock(Run.class);
        MigrationReportsAction.record(run, "convertManifests", Map.of("dryRun", true), "/ws/job");
        MigrationReportsAction.record(null, "convertManifests", summary("/ws/job"), "/ws/job");
        verify(run, never()).addAction(org.mockito.ArgumentMatchers.any());
        assertNotNull(MigrationReportsAction.class.getResource("MigrationReportsAction/index.jelly"));
    }
}
