package io.jenkins.plugins.eks2aks.storage.verify;

import java.io.Serializable;

/**
 * One thing the gate found wrong.
 *
 * @param name   the object's name below the prefixes (or the Velero file that is missing)
 * @param kind   what is wrong
 * @param detail one line for the log and the reports
 */
public record Finding(String name, Kind kind, String detail) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What is wrong with an object. */
    public enum Kind {
        /** In the source, not in the destination. */
        MISSING,
        /** Shorter in the destination. */
        TRUNCATED,
        /** Same name, other size or other content. */
        DIFFERENT,
        /** In the destination, not in the source. */
        EXTRA,
        /** A file Velero's restore needs is absent. */
        VELERO_LAYOUT
    }

    public String oneLine() {
        return kind + " " + name + ": " + detail;
    }
}
