package io.jenkins.plugins.eks2aks.migrate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CLI prints and the step returns.
 *
 * @param steps      every step with what happened to it, in order
 * @param failedStep the step that failed, or null
 * @param resume     the command (or step call) that resumes after the failure, or null
 * @param dryRun     nothing ran
 * @param ledger     path of ledger.json
 * @param report     path of migration.md, or null in a dry run
 */
public record MigrationSummary(List<StepStatus> steps, String failedStep, String resume, boolean dryRun, String ledger, String report)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public MigrationSummary {
        steps = List.copyOf(steps);
    }

    public boolean succeeded() {
        return failedStep == null;
    }

    public long count(StepStatus.State state) {
        return steps.stream().filter(s -> s.state() == state).count();
    }

    public String oneLine() {
        String counts = count(StepStatus.State.RAN) + " ran, " + count(StepStatus.State.UP_TO_DATE) + " up to date, "
                + count(StepStatus.State.SKIPPED) + " skipped";
        if (dryRun) {
            return "Dry run: " + count(StepStatus.State.WOULD_RUN) + " steps would run, " + count(StepStatus.State.UP_TO_DATE)
                    + " up to date, " + count(StepStatus.State.SKIPPED) + " skipped; traffic stays on EKS";
        }
        return failedStep != null ? "Step " + failedStep + " failed (" + counts + "); resume with: " + resume
                : counts + "; traffic stays on EKS until shiftTraffic";
    }

    /** Plain JDK types only, so the map can cross the Jenkins remoting channel and be used in a Jenkinsfile. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        ArrayList<HashMap<String, Object>> list = new ArrayList<>();
        for (StepStatus s : steps) {
            HashMap<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.step());
            step.put("state", s.state().key());
            step.put("reason", s.reason());
            step.put("message", s.message());
            list.add(step);
        }
        m.put("steps", list);
        m.put("ran", count(StepStatus.State.RAN));
        m.put("upToDate", count(StepStatus.State.UP_TO_DATE));
        m.put("skipped", count(StepStatus.State.SKIPPED));
        m.put("failedStep", failedStep);
        m.put("resume", resume);
        m.put("dryRun", dryRun);
        m.put("ledger", ledger);
        m.put("report", report);
        return m;
    }
}
