package io.jenkins.plugins.eks2aks.velero.model;

import java.util.Set;

/** Velero's Backup and Restore phases, and what each means to a caller waiting for the end. */
public final class VeleroPhase {

    public static final String NEW = "New";
    public static final String IN_PROGRESS = "InProgress";
    public static final String COMPLETED = "Completed";
    public static final String PARTIALLY_FAILED = "PartiallyFailed";
    public static final String FAILED = "Failed";
    public static final String FAILED_VALIDATION = "FailedValidation";
    public static final String DELETING = "Deleting";
    /** BackupStorageLocation phase. */
    public static final String AVAILABLE = "Available";

    /** Where a Backup or Restore stops changing. */
    private static final Set<String> FINAL = Set.of(COMPLETED, PARTIALLY_FAILED, FAILED, FAILED_VALIDATION);

    private VeleroPhase() {
    }

    public static boolean isFinal(String phase) {
        return phase != null && FINAL.contains(phase);
    }
}
