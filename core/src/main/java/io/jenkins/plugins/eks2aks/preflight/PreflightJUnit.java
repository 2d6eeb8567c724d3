package io.jenkins.plugins.eks2aks.preflight;

import java.util.List;

/**
 * The checks as a JUnit XML report, so Jenkins' {@code junit} step shows them as test results: FAIL is a failure
 * whose message is the detail and whose text is the fix; NOT_CHECKED is skipped with its reason.
 */
public final class PreflightJUnit {

    public String render(String suite, List<PreflightCheck> checks) {
        long failures = checks.stream().filter(c -> c.status() == CheckStatus.FAIL).count();
        long skipped = checks.stream().filter(c -> c.status() == CheckStatus.NOT_CHECKED).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(checks.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"0\">\n");
        for (PreflightCheck c : checks) {
            xml.append("  <testcase classname=\"aksPreflight\" name=\"").append(escape(c.id() + ": " + c.title())).append("\" time=\"0\"");
            switch (c.status()) {
                case PASS -> xml.append("/>\n");
                case FAIL -> xml.append(">\n    <failure message=\"").append(escape(c.detail())).append("\" type=\"NotReady\">")
                        .append(escape("Fix: " + c.fix())).append("</failure>\n  </testcase>\n");
                case NOT_CHECKED -> xml.append(">\n    <skipped message=\"").append(escape(c.detail()
                        + (c.fix().isEmpty() ? "" : " (check by hand: " + c.fix() + ")"))).append("\"/>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
