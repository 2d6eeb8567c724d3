package io.jenkins.plugins.eks2aks.preflight;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome: counts, the failed checks' ids, and the report files. */
public record PreflightSummary(int passed, int failed, int notChecked, List<String> failedChecks, Path json, Path markdown,
                               Path junit) {

    public boolean ready() {
        return failed == 0;
    }

    public String oneLine() {
        return passed + " passed, " + failed + " failed, " + notChecked + " not checked" + (failed == 0 ? "" : ": " + String.join(", ", failedChecks));
    }

    /** Plain JDK types for the Pipeline step. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", ready());
        m.put("passed", passed);
        m.put("failed", failed);
        m.put("notChecked", notChecked);
        m.put("failedChecks", new java.util.ArrayList<>(failedChecks));
        m.put("reportJson", json.toString());
        m.put("reportMarkdown", markdown.toString());
        m.put("junitXml", junit.toString());
        return m;
    }
}
