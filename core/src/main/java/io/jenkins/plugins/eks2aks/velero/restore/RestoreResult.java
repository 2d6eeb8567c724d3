package io.jenkins.plugins.eks2aks.velero.restore;

import io.jenkins.plugins.eks2aks.velero.VeleroOutcome;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.jenkins.plugins.eks2aks.velero.model.RestoreStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * How a restore ended.
 *
 * @param created   whether this run created the Restore
 * @param restore   the last version seen, or null
 * @param yaml      the location, ConfigMaps and Restore as YAML (what a dry run prints)
 * @param report    {@code restore-result.json}, or null
 */
public record RestoreResult(String name, String backup, boolean created, VeleroOutcome outcome, String message, Restore restore,
                            String yaml, Path report) {

    public RestoreResult withReport(Path file) {
        return new RestoreResult(name, backup, created, outcome, message, restore, yaml, file);
    }

    public RestoreResult withOutcome(VeleroOutcome newOutcome, String newMessage) {
        return new RestoreResult(name, backup, created, newOutcome, newMessage, restore, yaml, report);
    }

    /** Plain JDK values: what {@code restore-result.json} holds and a step returns (nulls left out). */
    public LinkedHashMap<String, Object> toMap() {
        RestoreStatus s = restore == null || restore.getStatus() == null ? new RestoreStatus() : restore.getStatus();
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        put(map, "name", name);
        put(map, "backup", backup);
        put(map, "created", created);
        put(map, "outcome", outcome.name());
        put(map, "message", message);
        put(map, "phase", s.getPhase());
        put(map, "totalItems", s.getProgress() == null ? null : s.getProgress().getTotalItems());
        put(map, "itemsRestored", s.getProgress() == null ? null : s.getProgress().getItemsRestored());
        put(map, "warnings", s.getWarnings() == null ? 0 : s.getWarnings());
        put(map, "errors", s.getErrors() == null ? 0 : s.getErrors());
        put(map, "failureReason", s.getFailureReason());
        put(map, "validationErrors", s.getValidationErrors() == null ? new ArrayList<String>() : new ArrayList<>(s.getValidationErrors()));
        put(map, "startTimestamp", s.getStartTimestamp());
        put(map, "completionTimestamp", s.getCompletionTimestamp());
        put(map, "report", report == null ? null : report.toString());
        return map;
    }

    private static void put(LinkedHashMap<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
