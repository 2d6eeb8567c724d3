package io.jenkins.plugins.eks2aks.manifests;

import java.util.Locale;

/** How converted manifests are written. */
public enum OutputFormat {
    /** Converted manifests mirroring the input layout. */
    FILES,
    /** A Kustomize overlay on the input: the input stays the EKS truth, the overlay holds the AKS changes. */
    KUSTOMIZE;

    public static OutputFormat fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
