package io.jenkins.plugins.eks2aks.velero.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The checks after a restore, once rollouts settled or the timeout passed.
 *
 * @param checks every check, in namespace and object order
 * @param report {@code verify-restore.json}, or null when written by another command's report
 */
public record VerifyResult(List<VerifyCheck> checks, String report) {

    public boolean passed() {
        return RestoredState.failed(checks) == 0;
    }

    public String oneLine() {
        long failed = RestoredState.failed(checks);
        long warned = checks.stream().filter(c -> c.status() == VerifyCheck.Status.WARN).count();
        return "verify-restore: " + (checks.size() - failed - warned) + " passed, " + failed + " failed, " + warned + " warnings";
    }

    /** Plain JDK values for a step's Map and the JSON report. */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed());
        map.put("summary", oneLine());
        ArrayList<LinkedHashMap<String, Object>> list = new ArrayList<>();
        ArrayList<String> failed = new ArrayList<>();
        for (VerifyCheck c : checks) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            m.put("object", c.object());
            m.put("check", c.check());
            m.put("status", c.status().name());
            m.put("detail", c.detail());
            list.add(m);
            if (c.status() == VerifyCheck.Status.FAIL) {
                failed.add(c.object() + " " + c.check() + ": " + c.detail());
            }
        }
        map.put("failures", failed);
        map.put("checks", list);
        if (report != null) {
            map.put("report", report);
        }
        return map;
    }

    static List<VerifyCheck> none() {
        return List.of();
    }
}
