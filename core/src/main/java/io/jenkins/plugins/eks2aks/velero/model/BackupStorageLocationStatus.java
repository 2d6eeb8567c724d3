package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What Velero reports about a location ({@code BackupStorageLocationStatus}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupStorageLocationStatus implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code Available} or {@code Unavailable} */
    private String phase;

    private String lastSyncedTime;

    private String lastValidationTime;

    private String message;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getLastSyncedTime() {
        return lastSyncedTime;
    }

    public void setLastSyncedTime(String lastSyncedTime) {
        this.lastSyncedTime = lastSyncedTime;
    }

    public String getLastValidationTime() {
        return lastValidationTime;
    }

    public void setLastValidationTime(String lastValidationTime) {
        this.lastValidationTime = lastValidationTime;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
