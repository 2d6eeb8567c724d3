package io.jenkins.plugins.eks2aks.velero.verify;

import io.jenkins.plugins.eks2aks.report.JUnitXml;

import java.util.List;

/** The checks as JUnit XML, one test case per object and check, so CI shows each failure by name. */
final class VerifyJUnit {

    private VerifyJUnit() {
    }

    static String render(String suite, List<VerifyCheck> checks) {
        return JUnitXml.render(suite, 0, checks.stream().map(c -> new JUnitXml.TestCase(c.object(), c.check(),
                c.status() == VerifyCheck.Status.FAIL ? new JUnitXml.Failed(c.detail(), null, null)
                        : new JUnitXml.Passed(c.status() == VerifyCheck.Status.WARN ? "WARNING: " + c.detail() : null))).toList());
    }
}
