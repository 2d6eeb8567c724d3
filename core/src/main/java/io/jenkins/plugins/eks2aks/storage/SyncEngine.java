package io.jenkins.plugins.eks2aks.storage;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.Locale;

/** Who moves the bytes. */
public enum SyncEngine {
    /** This process, through the AWS and Azure SDKs: no external binary. */
    JAVA,
    /** The AzCopy binary, run as a child process. */
    AZCOPY;

    public static SyncEngine parse(String value, String option) {
        if (value == null || value.isBlank()) {
            return JAVA;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Unknown " + option + " '" + value + "': expected java or azcopy");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
