package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionReportHtmlTest {

    private static final ConversionResult RESULT = ReportFixtures.result();
    private static final String HTML = new ConversionReportHtml().render(RESULT, List.of("*=contoso.azurecr.io"));

    @Test
    void everyTextFromTheInputIsEscaped() {
        assertFalse(HTML.contains("<script"), "no script, the input's included");
        assertTrue(HTML.contains("web&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(HTML.contains("&lt;b&gt;front&lt;/b&gt;"));
        assertTrue(HTML.contains("check &quot;tier&quot; &amp; size"));
        assertFalse(HTML.contains("<b>front</b>"));
    }

    @ParameterizedTest(name = "the page needs nothing from outside: no {0}")
    @ValueSource(strings = {"<script", "src=", "<link", "@import", "url(", "href=\"http", "javascript:"})
    void thePageIsSelfContained(String external) {
        assertFalse(HTML.toLowerCase(Locale.ROOT).contains(external));
    }

    @Test
    void everyElementThatIsOpenedIsClosedInOrder() {
        Set<String> voids = Set.of("meta", "input", "col", "br", "hr", "img", "link");
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>").matcher(HTML.substring(HTML.indexOf("<html")));
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (voids.contains(name)) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertEquals(open.pop(), name, "at " + tag.start());
            }
        }
        assertTrue(open.isEmpty(), open.toString());
    }

    @Test
    void theSummaryCountsChangesByMode() {
        String summary = section("summary");

        assertTrue(summary.contains("<b>3</b><span>AUTO</span>"), "I1 and the two contested type changes");
        assertTrue(summary.contains("<b>1</b><span>AUTO WARN</span>"));
        assertTrue(summary.contains("<b>1</b><span>HUMAN</span>"));
        assertTrue(summary.contains("<b>1</b><span>DROP</span>"));
        assertTrue(summary.contains("<b>1</b><span>EXCLUDE</span>"));
        assertTrue(summary.contains("<b>1</b><span>conflicts</span>"));
        assertTrue(summary.contains("1 conflict: rules disagree"));
    }

    @Test
    void decisionsAreAChecklistWithTheMappingKeyToSet() {
        String decisions = section("decisions");

        assertTrue(decisions.contains("<input type=\"checkbox\" disabled"));
        assertTrue(decisions.contains("node group ng-1 needs its AKS pool: set nodePools.ng-1 in eks2aks.yaml"));
        assertTrue(decisions.contains("<div class=\"detail\">Set <code>nodePools.ng-1</code></div>"), decisions);
        assertTrue(decisions.contains("<code>ng-1</code>"), "the current value");
    }

    @Test
    void exclusionsNameTheObjectAndTheAzureEquivalent() {
        String exclusions = section("exclusions");

        assertTrue(exclusions.contains("<b>DaemonSet</b> kube-system/aws-node"));
        assertTrue(exclusions.contains("test.yaml #2"));
        assertTrue(exclusions.contains("on AKS: Azure CNI Overlay"));
    }

    @Test
    void conflictsNameThePathAndTheRules() {
        String conflicts = section("conflicts");

        assertTrue(conflicts.contains("<code>/spec/type</code>"));
        assertTrue(conflicts.contains("L8, L9"));
    }

    @Test
    void everyChangeIsARowUnderItsObject() {
        String changes = section("changes");

        assertEquals(RESULT.changes().size(), count(changes, "<tr><td><code>") + count(changes, "<tr class=\"highlight\"><td><code>"));
        assertEquals(RESULT.changes().stream().filter(c -> !c.applied()).count(), count(changes, "<tr class=\"highlight\">"),
                "the changes not applied stand out");
        assertEquals(3, count(changes, "<tbody class=\"group\">"), "one heading per object");
        assertTrue(changes.contains("<code>123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1</code></td><td><code>contoso.azurecr.io/shop/web:1</code>"));
        assertTrue(changes.contains("<td class=\"HUMAN\">HUMAN</td>"));
        assertTrue(changes.contains("<td>not applied</td>"), "the decision and the contested changes");
        assertTrue(changes.contains("<td>removed</td>"));
    }

    @Test
    void aLongValueIsFoldedAndShownInFull() {
        String value = "v".repeat(300);
        ConversionResult result = new ManifestConverter(List.of(ReportFixtures.rule("K2", "Service", o -> List.of(
                Changes.of(o, "K2").put("/metadata/annotations", "long", value, RuleMode.AUTO, "long value")))))
                .convert(Manifests.set(ReportFixtures.YAML));

        String html = new ConversionReportHtml().render(result, List.of());

        assertTrue(html.contains("<details><summary><code>" + "v".repeat(60) + "…</code></summary><pre>" + value + "</pre></details>"));
    }

    private static String section(String id) {
        int start = HTML.indexOf("<section id=\"" + id + "\">");
        return HTML.substring(start, HTML.indexOf("</section>", start));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
