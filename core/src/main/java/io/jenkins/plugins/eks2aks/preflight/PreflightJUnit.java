package io.jenkins.plugins.eks2aks.preflight;

import io.jenkins.plugins.eks2aks.report.JUnitXml;

import java.util.List;

/**
 * The checks as a JUnit XML report, so Jenkins' {@code junit} step shows them as test results: FAIL is a failure
 * whose message is the detail and whose text is the fix; NOT_CHECKED is skipped with its reason.
 */
public final class PreflightJUnit {

    public String render(String suite, List<PreflightCheck> checks) {
        return JUnitXml.render(suite, 0, checks.stream().map(PreflightJUnit::testCase).toList());
    }

    private static JUnitXml.TestCase testCase(PreflightCheck c) {
        JUnitXml.Outcome outcome = switch (c.status()) {
            case PASS -> new JUnitXml.Passed(null);
            case FAIL -> new JUnitXml.Failed(c.detail(), "NotReady", "Fix: " + c.fix());
            case NOT_CHECKED -> new JUnitXml.Skipped(c.detail() + (c.fix().isEmpty() ? "" : " (check by hand: " + c.fix() + ")"));
        };
        return new JUnitXml.TestCase("aksPreflight", c.id() + ": " + c.title(), outcome);
    }
}
