package io.jenkins.plugins.eks2aks.images;

/** The outcome for one image. */
public enum ImageStatus {
    /** Copied by the agent; every digest verified. */
    COPIED,
    /** Imported by ACR; the target tag's digest verified against the source's. */
    IMPORTED,
    /** The target tag already pointed at the source digest; nothing was sent. */
    UNCHANGED,
    /** Dry run: would be copied or imported. */
    PLANNED,
    /** Failed; see the error. */
    FAILED
}
