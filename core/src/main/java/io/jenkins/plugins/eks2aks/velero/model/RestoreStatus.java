package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What Velero reports about a Restore ({@code RestoreStatus}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RestoreStatus implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String phase;

    private List<String> validationErrors;

    private String startTimestamp;

    private String completionTimestamp;

    private Integer warnings;

    private Integer errors;

    private String failureReason;

    private RestoreProgress progress;

    private Integer restoreItemOperationsAttempted;

    private Integer restoreItemOperationsCompleted;

    private Integer restoreItemOperationsFailed;

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

    public RestoreProgress getProgress() {
        return progress;
    }

    public void setProgress(RestoreProgress progress) {
        this.progress = progress;
    }

    public Integer getRestoreItemOperationsAttempted() {
        return restoreItemOperationsAttempted;
    }

    public void setRestoreItemOperationsAttempted(Integer restoreItemOperationsAttempted) {
        this.restoreItemOperationsAttempted = restoreItemOperationsAttempted;
    }

    public Integer getRestoreItemOperationsCompleted() {
        return restoreItemOperationsCompleted;
    }

    public void setRestoreItemOperationsCompleted(Integer restoreItemOperationsCompleted) {
        this.restoreItemOperationsCompleted = restoreItemOperationsCompleted;
    }

    public Integer getRestoreItemOperationsFailed() {
        return restoreItemOperationsFailed;
    }

    public void setRestoreItemOperationsFailed(Integer restoreItemOperationsFailed) {
        this.restoreItemOperationsFailed = restoreItemOperationsFailed;
    }
}
