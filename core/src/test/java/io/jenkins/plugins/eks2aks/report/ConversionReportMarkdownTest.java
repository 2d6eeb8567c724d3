package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths and values in the conversion Markdown stay code spans whatever they hold; an empty path says what it means. */
class ConversionReportMarkdownTest {

    @Test
    void anEmptyPathReadsWholeObjectAsOnTheHtmlPage() {
        ConversionResult result = new ManifestConverter(List.of(
                ReportFixtures.rule("EX1", "DaemonSet", o -> List.of(Changes.of(o, "EX1").exclude("on AKS: Azure CNI"))),
                ReportFixtures.rule("H1", "Service", o -> List.of(Changes.of(o, "H1").decision("", "decide on the whole Service")))))
                .convert(Manifests.set(ReportFixtures.YAML));

        String md = new ConversionReportMarkdown().render(result, List.of());

        assertFalse(md.contains("``") || md.contains("` `"), md);
        assertTrue(md.contains("| DaemonSet kube-system/aws-node | test.yaml #2 | `(whole object)` |"), md);
        assertTrue(md.contains("- [ ] Service shop/api (test.yaml, document 3 (line 16)) `(whole object)`: decide on the whole Service"), md);
        assertTrue(new ConversionReportHtml().render(result, List.of()).contains("(whole object)"), "the page says the same");
    }

    @Test
    void aPathOrValueWithABacktickKeepsItsCodeSpan() {
        ConversionResult result = new ManifestConverter(List.of(ReportFixtures.rule("K1", "Service", o -> List.of(
                Changes.of(o, "K1").put("/metadata/annotations", "x`y", "v`", RuleMode.AUTO, "odd key"),
                Changes.of(o, "K1").replace("/spec/type", "Cluster``IP", RuleMode.AUTO, "odd value")))))
                .convert(Manifests.set(ReportFixtures.YAML));

        String md = new ConversionReportMarkdown().render(result, List.of("a`b=contoso.azurecr.io"));

        assertTrue(md.contains("| ``/metadata/annotations/x`y`` |  | `` v` `` |"), md);
        assertTrue(md.contains("| `/spec/type` | `LoadBalancer` | ```Cluster``IP``` |"), md);
        assertTrue(md.contains("Registry map: ``a`b=contoso.azurecr.io``"), md);
    }
}
