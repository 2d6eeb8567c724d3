package io.jenkins.plugins.eks2aks.plan;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the CLI prints and the step returns, in plain values (they cross from a Jenkins agent to the controller).
 *
 * @param steps           how many steps the plan has
 * @param decisions       open decisions
 * @param conflicts       conflicting rules found by the conversion's dry run
 * @param estimateSeconds the steps' estimates together
 * @param measured        whether any estimate came from measured throughputs
 * @param planJson        path of plan.json
 * @param planMarkdown    path of plan.md
 */
public record PlanSummary(int steps, int decisions, int conflicts, long estimateSeconds, boolean measured, String planJson,
                          String planMarkdown) implements Serializable {

    private static final long serialVersionUID = 1L;

    public String oneLine() {
        return steps + " steps, about " + PlanMarkdown.duration(estimateSeconds) + " (" + (measured ? "partly measured" : "default throughputs")
                + "); " + decisions + " decisions open" + (conflicts > 0 ? ", " + conflicts + " conflicts" : "");
    }

    /** Plain JDK types only, so the map can cross the Jenkins remoting channel and be used in a Jenkinsfile. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("decisions", decisions);
        m.put("conflicts", conflicts);
        m.put("estimateSeconds", estimateSeconds);
        m.put("measured", measured);
        m.put("planJson", planJson);
        m.put("planMarkdown", planMarkdown);
        return m;
    }
}
