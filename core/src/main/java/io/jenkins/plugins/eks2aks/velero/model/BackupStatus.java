package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What Velero reports about a Backup ({@code BackupStatus}); phases are in {@link VeleroPhase}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupStatus implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String phase;

    private List<String> validationErrors;

    private String startTimestamp;

    private String completionTimestamp;

    private String expiration;

    private Integer volumeSnapshotsAttempted;

    private Integer volumeSnapshotsCompleted;

    private Integer warnings;

    private Integer errors;

    private String failureReason;

    private BackupProgress progress;

    private Integer backupItemOperationsAttempted;

    private Integer backupItemOperationsCompleted;

    private Integer backupItemOperationsFailed;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
    }

    public String getStartTimestamp() {
        return startTimestamp;
    }

    public void setStartTimestamp(String startTimestamp) {
        this.startTimestamp = startTimestamp;
    }

    public String getCompletionTimestamp() {
        return completionTimestamp;
    }

    public void setCompletionTimestamp(String completionTimestamp) {
        this.completionTimestamp = completionTimestamp;
    }

    public String getExpiration() {
        return expiration;
    }

    public void setExpiration(String expiration) {
        this.expiration = expiration;
    }

    public Integer getVolumeSnapshotsAttempted() {
        return volumeSnapshotsAttempted;
    }

    public void setVolumeSnapshotsAttempted(Integer volumeSnapshotsAttempted) {
        this.volumeSnapshotsAttempted = volumeSnapshotsAttempted;
    }

    public Integer getVolumeSnapshotsCompleted() {
        return volumeSnapshotsCompleted;
    }

    public void setVolumeSnapshotsCompleted(Integer volumeSnapshotsCompleted) {
        this.volumeSnapshotsCompleted = volumeSnapshotsCompleted;
    }

    public Integer getWarnings() {
        return warnings;
    }

    public void setWarnings(Integer warnings) {
        this.warnings = warnings;
    }

    public Integer getErrors() {
        return errors;
    }

    public void setErrors(Integer errors) {
        this.errors = errors;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public BackupProgress getProgress() {
        return progress;
    }

    public void setProgress(BackupProgress progress) {
        this.progress = progress;
    }

    public Integer getBackupItemOperationsAttempted() {
        return backupItemOperationsAttempted;
    }

    public void setBackupItemOperationsAttempted(Integer backupItemOperationsAttempted) {
        this.backupItemOperationsAttempted = backupItemOperationsAttempted;
    }

    public Integer getBackupItemOperationsCompleted() {
        return backupItemOperationsCompleted;
    }

    public void setBackupItemOperationsCompleted(Integer backupItemOperationsCompleted) {
        this.backupItemOperationsCompleted = backupItemOperationsCompleted;
    }

    public Integer getBackupItemOperationsFailed() {
        return backupItemOperationsFailed;
    }

    public void setBackupItemOperationsFailed(Integer backupItemOperationsFailed) {
        this.backupItemOperationsFailed = backupItemOperationsFailed;
    }
}
