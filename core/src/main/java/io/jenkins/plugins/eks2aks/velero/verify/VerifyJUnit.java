package io.jenkins.plugins.eks2aks.velero.verify;

import java.util.List;

/** The checks as JUnit XML, one test case per object and check, so CI shows each failure by name. */
final class VerifyJUnit {

    private VerifyJUnit() {
    }

    static String render(String suite, List<VerifyCheck> checks) {
        long failures = checks.stream().filter(c -> c.status() == VerifyCheck.Status.FAIL).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(esc(suite)).append("\" tests=\"").append(checks.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (VerifyCheck c : checks) {
            x.append("  <testcase classname=\"").append(esc(c.object())).append("\" name=\"").append(esc(c.check())).append('"');
            if (c.status() == VerifyCheck.Status.FAIL) {
                x.append(">\n    <failure message=\"").append(esc(c.detail())).append("\"/>\n  </testcase>\n");
            } else if (c.status() == VerifyCheck.Status.WARN) {
                x.append(">\n    <system-out>").append(esc("WARNING: " + c.detail())).append("</system-out>\n  </testcase>\n");
            } else {
                x.append("/>\n");
            }
        }
        return x.append("</testsuite>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
