package io.jenkins.plugins.eks2aks.traffic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a traffic shift: where the weights ended, the changes over time, every probe, and the reports.
 *
 * @param outcome     how it ended
 * @param where       the zone or profile
 * @param hostnames   the names moved
 * @param fromPercent the AKS share found at the start
 * @param toPercent   the AKS share at the end
 * @param changes     the weight changes, in order
 * @param probes      every health probe, in order
 * @param failure     what failed (the probe's target and detail), or null
 * @param json        the JSON report
 * @param markdown    the Markdown report
 * @param junit       the JUnit XML of the gates
 */
public record TrafficResult(TrafficOutcome outcome, String where, List<String> hostnames, int fromPercent, int toPercent,
                            List<WeightChange> changes, List<ProbeResult> probes, String failure, Path json, Path markdown, Path junit) {

    public TrafficResult {
        hostnames = List.copyOf(hostnames);
        changes = List.copyOf(changes);
        probes = List.copyOf(probes);
    }

    public String oneLine() {
        return switch (outcome) {
            case SHIFTED -> "all traffic of " + String.join(", ", hostnames) + " on AKS (from " + fromPercent + "%)";
            case ROLLED_BACK -> "gate failed (" + failure + "): rolled back to " + toPercent + "% AKS";
            case HELD -> "gate failed before any change (" + failure + "): traffic stays at " + toPercent + "% AKS";
            case RESTORED -> "all traffic of " + String.join(", ", hostnames) + " back on EKS (from " + fromPercent + "% AKS)";
            case PLANNED -> "dry run: " + changes.size() + " change(s) planned, nothing changed";
        };
    }

    /** Plain JDK types for the Pipeline step. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome.name());
        m.put("succeeded", outcome.succeeded());
        m.put("summary", oneLine());
        m.put("where", where);
        m.put("hostnames", new ArrayList<>(hostnames));
        m.put("fromPercent", fromPercent);
        m.put("aksPercent", toPercent);
        m.put("changes", changes.size());
        m.put("probes", probes.size());
        m.put("failedProbes", (int) probes.stream().filter(p -> !p.passed()).count());
        m.put("failure", failure);
        m.put("reportJson", json.toString());
        m.put("reportMarkdown", markdown.toString());
        m.put("junitXml", junit.toString());
        return m;
    }
}
