package io.jenkins.plugins.eks2aks.velero.backup;

import io.jenkins.plugins.eks2aks.velero.VeleroOutcome;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a backup ended.
 *
 * @param name     the Backup's name
 * @param created  whether this run created it (false: an existing one was reused or waited for)
 * @param outcome  what the caller makes of it
 * @param message  one line saying so
 * @param backup   the last version seen, or null (dry run, or deleted)
 * @param yaml     the Backup as YAML (what a dry run prints)
 * @param report   {@code backup-result.json}, or null
 */
public record BackupResult(String name, boolean created, VeleroOutcome outcome, String message, Backup backup, String yaml,
                           Path report) {

    /** The result as plain JDK values (what {@code backup-result.json} holds and a step returns). */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        BackupStatus s = backup == null || backup.getStatus() == null ? new BackupStatus() : backup.getStatus();
        map.put("name", name);
        map.put("namespace", backup == null ? null : backup.getMetadata().getNamespace());
        map.put("created", created);
        map.put("outcome", outcome.name());
        map.put("message", message);
        map.put("phase", s.getPhase());
        map.put("totalItems", s.getProgress() == null ? null : s.getProgress().getTotalItems());
        map.put("itemsBackedUp", s.getProgress() == null ? null : s.getProgress().getItemsBackedUp());
        map.put("warnings", s.getWarnings() == null ? 0 : s.getWarnings());
        map.put("errors", s.getErrors() == null ? 0 : s.getErrors());
        map.put("failureReason", s.getFailureReason());
        map.put("validationErrors", s.getValidationErrors() == null ? new ArrayList<String>() : new ArrayList<>(s.getValidationErrors()));
        map.put("startTimestamp", s.getStartTimestamp());
        map.put("completionTimestamp", s.getCompletionTimestamp());
        map.put("expiration", s.getExpiration());
        map.put("storageLocation", backup == null || backup.getSpec() == null ? null : backup.getSpec().getStorageLocation());
        map.put("report", report == null ? null : report.toString());
        return map;
    }

    /** Drops nulls: the JSON file and a step's Map carry only what is known. */
    static Map<String, Object> known(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    static List<String> lines(BackupStatus s) {
        return s == null || s.getValidationErrors() == null ? List.of() : s.getValidationErrors();
    }
}
