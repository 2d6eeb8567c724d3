package io.jenkins.plugins.eks2aks.plan;

import java.util.Locale;

/** The steps of a migration, in the order they run; traffic moves afterwards, behind its own gate. */
public enum MigrationStep {
    INVENTORY, PREFLIGHT, IMAGES, CONVERT, BACKUP, SYNC_STORAGE, VERIFY_STORAGE, RESTORE, VERIFY_RESTORE;

    /** The name in {@code plan.json}, the ledger and {@code --from}: {@code sync-storage}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The step called {@code key}, or null. */
    public static MigrationStep fromKey(String key) {
        for (MigrationStep step : values()) {
            if (step.key().equals(key)) {
                return step;
            }
        }
        return null;
    }
}
